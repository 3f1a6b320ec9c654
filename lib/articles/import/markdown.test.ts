import { describe, expect, it } from "vitest";
import { ArticleImportError, importArticle } from "./index";
import { markdownToHtml } from "./markdown";

/** Refused with ArticleImportError, and fast: these guards exist to keep the server responsive. */
function expectQuickRefusal(source: string, message: RegExp): void {
  const started = Date.now();
  let error: unknown;
  try {
    markdownToHtml(source);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ArticleImportError);
  expect((error as Error).message).toMatch(message);
  expect(Date.now() - started).toBeLessThan(1000);
}

describe("markdownToHtml guards", () => {
  it("refuses a paragraph of unmatched emphasis markers before marked spends minutes on it", () => {
    // A log or identifier dump pasted as one paragraph: marked's emphasis pairing is quadratic.
    expectQuickRefusal("some_identifier_name ".repeat(50_000), /too many \*, _ or ~ characters in one paragraph/);
  });

  it("refuses quotes or lists nested deeper than 32 levels", () => {
    expectQuickRefusal(">".repeat(1_000_000), /more than 32 levels deep/);
    expectQuickRefusal("- ".repeat(40) + "item", /more than 32 levels deep/);
  });

  it("refuses nesting by indentation alone", () => {
    const staircase = Array.from({ length: 200 }, (_, i) => `${" ".repeat(2 * i)}- step ${i}`).join("\n");
    expectQuickRefusal(staircase, /indents lines by more than 128 spaces/);
  });

  it("refuses a flood of list markers that would expand into megabytes of lists", () => {
    expectQuickRefusal(("- ".repeat(10) + "x\n").repeat(20_000), /too many list items and quotes/);
  });

  it("accepts long but ordinary Markdown: many bold terms in one tight list, rules, deep-ish lists", () => {
    const glossary = Array.from({ length: 400 }, (_, i) => `- **term_${i}**: the *meaning* of it`).join("\n");
    const nested = Array.from({ length: 12 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");
    const html = markdownToHtml(`${glossary}\n\n* * * * *\n\n${nested}\n`);
    expect(html).toContain("<strong>term_399</strong>");
    expect(html).toContain("<hr>");
    expect(html).toContain("level 12");
  });
});

describe("importArticle expansion limit", () => {
  it("refuses input whose HTML would be far larger than the upload", async () => {
    // 2 MB of "&" is 10 MB of "&amp;" once converted.
    const error: unknown = await importArticle({ format: "md", data: "&".repeat(2_000_000) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArticleImportError);
    expect((error as Error).message).toMatch(/too long or too heavily formatted to import \(it converts to more than 8 MB of HTML\)/);
  });
});

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importArticle } from "./import";
import { docToMarkdown } from "./to-markdown";
import type { ArticleFormat } from "./import";
import { SAMPLE_ARTICLE } from "@/prisma/demo-data";

/** What the edit form round-trips: the article as Markdown, imported back as Markdown. */
async function roundTrip(format: ArticleFormat, data: string) {
  const before = await importArticle({ format, data });
  const markdown = docToMarkdown(before.doc);
  const after = await importArticle({ format: "md", data: markdown });
  return { before, after, markdown };
}

const FIXTURES = path.join(process.cwd(), "test", "fixtures", "import");

describe("docToMarkdown", () => {
  it("imports back to the same article: headings, emphasis, links, lists, quotes, code", async () => {
    const html = [
      "<h1>Talks in <em>Minsk</em></h1>",
      "<p>Russia is <strong>open</strong> to talks, <a href=\"https://example.org/a?b=1&c=2\">the Kremlin</a> said.</p>",
      "<ul><li>First point</li><li>Second <strong>point</strong></li></ul>",
      "<ol start=\"3\"><li>Third</li><li>Fourth</li></ol>",
      "<blockquote><p>“We are ready,” he said.</p></blockquote>",
      "<pre><code>const x = 1;\n```</code></pre>",
      "<hr>",
      "<p>Line one<br>line two</p>",
    ].join("");
    const { before, after } = await roundTrip("html", html);
    expect(after.doc).toEqual(before.doc);
    expect(after.text).toBe(before.text);
  });

  it("keeps characters Markdown would read as syntax as text", async () => {
    const text = [
      "# Not a heading",
      "1. Not a list, 2 * 3 = 6, a_b_c and [brackets](here)",
      "> not a quote & &amp; <b>not bold</b> `not code` ~~not struck~~ \\backslash",
      "- dash   spaces | pipe",
      "+ plus",
    ].join("\n");
    const { before, after } = await roundTrip("txt", text);
    expect(after.text).toBe(before.text);
    expect(after.doc).toEqual(before.doc);
  });

  it("round-trips the sample article and the Word fixture", async () => {
    const sample = await roundTrip("txt", SAMPLE_ARTICLE.text());
    expect(sample.after.doc).toEqual(sample.before.doc);
    const docx = await importArticle({ format: "docx", data: fs.readFileSync(path.join(FIXTURES, "sample.docx")) });
    const back = await importArticle({ format: "md", data: docToMarkdown(docx.doc) });
    expect(back.doc).toEqual(docx.doc);
    expect(back.text).toBe(docx.text);
  });

  it("round-trips any plain text an editor could paste (property)", async () => {
    const markdownish = fc.constantFrom(..."#*_`~[]()<>&!-+=|\\.:1234 abcXYZ\u00e9\u201c\u201d\t".split(""));
    const line = fc.string({ unit: markdownish, minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), async (lines) => {
        const text = lines.join("\n");
        if (!text.trim()) return;
        const { before, after } = await roundTrip("txt", text);
        expect(after.text).toBe(before.text);
      }),
      { numRuns: 500 },
    );
  });
});

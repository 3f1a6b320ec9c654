import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { blockQuote, escapeInline, escapeLine, link, strong } from "./markdown";
import { renderMarkdown } from "./render-markdown";
import { buildReport } from "./model";
import { FIXTURE_TEXT, emptyReport, fixtureClaims, fixtureInput, fixtureReport, reanchoredIn } from "./testing/fixture";
import { golden } from "./testing/golden";

const html = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });

describe("renderMarkdown", () => {
  it("matches the golden file", () => {
    const markdown = renderMarkdown(fixtureReport());
    expect(markdown).toBe(golden("report.md", markdown));
  });

  it("matches the golden file for an article without claims", () => {
    const markdown = renderMarkdown(emptyReport());
    expect(markdown).toBe(golden("report-empty.md", markdown));
    expect(markdown).toContain("No claims have been marked in this article.");
  });

  it("renders typed text as text: no HTML, headings, lists, emphasis, code or script links from it", () => {
    const rendered = html(renderMarkdown(fixtureReport()));
    expect(rendered.match(/<h1>/g)).toHaveLength(1); // the report's own title
    expect(rendered).not.toContain("<b>");
    expect(rendered).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(rendered).not.toContain("<em>");
    expect(rendered).not.toContain("<code>");
    expect(rendered).not.toMatch(/<li>\s*not a list item/);
    expect(rendered).not.toMatch(/href="(?!https?:)/);
    expect(rendered).toContain("[not a link](javascript:alert(1))");
  });

  it("puts each passage in bold inside its context", () => {
    const rendered = html(renderMarkdown(fixtureReport()));
    expect(rendered).toContain(
      "Russian President Vladimir Putin has reportedly said that <strong>Russia is open to sending a delegation to Minsk for talks with Ukraine</strong>.",
    );
    expect(rendered).toContain("<strong>the Foreign Ministry and his administration.”</strong><br>");
    expect(rendered).toContain("<strong>Talks will begin in Gomel on Monday, officials said.</strong>");
  });

  it("lists claims needing confirmation in their own section, never as placed, and says which revision it covers", () => {
    const edited = FIXTURE_TEXT.replace("open to sending a delegation", "open to sending a small delegation");
    const input = fixtureInput({ article: { ...fixtureInput().article, text: edited, revision: 3 } });
    const markdown = renderMarkdown(buildReport({ ...input, claims: reanchoredIn(edited, fixtureClaims()) }));
    const [placed, unconfirmed] = markdown.split("## Needs confirmation");
    expect(markdown).toContain("- **Revision:** 3 (the text this report covers)");
    expect(markdown).toContain("- **Needs confirmation:** 1 claim (listed under “Needs confirmation”)");
    expect(placed).not.toContain("Russia is open to sending a delegation");
    expect(unconfirmed).toContain("Russia is open to sending a delegation");
    expect(unconfirmed).toContain("The article now reads:** Russia is open to sending a small delegation");
  });

  it("links sources and the article, and no other URL", () => {
    const hrefs = [...html(renderMarkdown(fixtureReport())).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toContain("https://kremlin.example/events/president/news/67851");
    expect(hrefs).toContain("https://news.example/world/2022/02/25/kremlin-talks?ref=rss&amp;x=(1)");
    expect(hrefs.every((href) => href?.startsWith("https://"))).toBe(true);
  });
});

describe("Markdown escaping", () => {
  it("escapes characters that start inline markup", () => {
    expect(escapeInline("a *b* _c_ `d` [e](f) <g> h|i ~j~ $k$ \\ &amp; AT&T")).toBe(
      "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\~j\\~ \\$k\\$ \\\\ \\&amp; AT&T",
    );
  });

  it("escapes what starts a block only at the start of a line", () => {
    expect(escapeLine("# title")).toBe("\\# title");
    expect(escapeLine("  - item")).toBe("\\- item");
    expect(escapeLine("+ item")).toBe("\\+ item");
    expect(escapeLine("> quote")).toBe("\\> quote");
    expect(escapeLine("===")).toBe("\\===");
    expect(escapeLine("1. first")).toBe("1\\. first");
    expect(escapeLine("2022) year")).toBe("2022\\) year");
    expect(escapeLine("    code")).toBe("code");
    expect(escapeLine("a - b # c")).toBe("a - b # c");
  });

  it("quotes multi-line text keeping its line breaks and paragraphs", () => {
    expect(blockQuote("one\ntwo\n\n\nthree\n")).toBe("> one\\\n> two\n>\n> three");
    expect(blockQuote("x", "   ")).toBe("   > x");
  });

  it("links only http(s) URLs", () => {
    expect(link("site", "https://example.org/a b")).toBe("[site](<https://example.org/a%20b>)");
    expect(link("x", "javascript:alert(1)")).toBe("x");
    expect(link("x", "https://e.org/<a>\\")).toBe("[x](<https://e.org/%3Ca%3E%5C>)");
  });

  it("makes bold render even next to punctuation", () => {
    expect(strong("said ", "“quote”", ".")).toBe("said **“quote”**.");
    expect(strong("Putin", ", said", "")).toBe("Putin **, said**");
    expect(strong("a ", " b ", " c")).toBe("a  **b**  c");
    for (const [before, text, after] of [
      ["Putin", ", said", ""],
      ["x", "«y»", "z"],
      ["", "\\*a\\*", "b"],
    ] as const) {
      expect(html(strong(before, text, after))).toContain("<strong>");
    }
  });
});

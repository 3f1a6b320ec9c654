import { Node } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import type { ArticleDoc, BlockNode } from "../document";
import { articleSchema } from "../extensions";
import { plainTextOf } from "../plain-text";
import { ArticleImportError, htmlToDoc, sanitizeArticleHtml } from "./index";

/** The importer's path for HTML, checked against the viewer's schema every time. */
function docOf(html: string): ArticleDoc {
  const doc = htmlToDoc(sanitizeArticleHtml(html));
  expect(() => Node.fromJSON(articleSchema, doc).check()).not.toThrow();
  return doc;
}

const textOf = (html: string): string => plainTextOf(docOf(html));
const p = (text: string): BlockNode => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("htmlToDoc: whitespace", () => {
  it("collapses whitespace like a browser and trims it at line edges", () => {
    expect(textOf("<p>\n   The   quick\tbrown\n\n fox  </p>")).toBe("The quick brown fox");
  });

  it("collapses across inline tags, keeping one space", () => {
    expect(docOf("<p>one <strong> two </strong> three</p>").content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "one " },
          { type: "text", text: "two ", marks: [{ type: "bold" }] },
          { type: "text", text: "three" },
        ],
      },
    ]);
  });

  it("trims spaces around line breaks and drops breaks at the edges of a block", () => {
    expect(docOf("<p><br>Roses are red, <br> violets blue <br></p>").content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Roses are red," },
          { type: "hardBreak" },
          { type: "text", text: "violets blue" },
        ],
      },
    ]);
  });

  it("keeps non-breaking spaces, which are content", () => {
    expect(textOf("<p>10&nbsp;&nbsp;km</p>")).toBe("10\u00a0\u00a0km");
  });

  it("keeps whitespace and line breaks inside <pre> verbatim", () => {
    expect(docOf("<pre><code>\nif (a) {\n    b();\n}\n</code></pre>").content).toEqual([
      { type: "codeBlock", content: [{ type: "text", text: "if (a) {\n    b();\n}" }] },
    ]);
  });

  it("drops empty paragraphs, including editors' &nbsp; spacers", () => {
    expect(docOf("<p></p><p>  </p><p>&nbsp;</p><p><br></p><p>Text</p><p><strong> </strong></p>").content).toEqual([
      p("Text"),
    ]);
  });
});

describe("htmlToDoc: structure", () => {
  it("wraps bare inline content at the top level and in blockquotes in paragraphs", () => {
    expect(docOf("Intro <em>text</em><blockquote>quoted <p>inner</p> tail</blockquote>after").content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Intro " },
          { type: "text", text: "text", marks: [{ type: "italic" }] },
        ],
      },
      { type: "blockquote", content: [p("quoted"), p("inner"), p("tail")] },
      p("after"),
    ]);
  });

  it("maps all six heading levels", () => {
    const doc = docOf("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>");
    expect(doc.content.map((block) => block.attrs?.level)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("builds nested lists with paragraphs in every item", () => {
    const html = `
      <ul>
        <li>Fruit
          <ol start="2"><li>apple</li><li><p>pear</p></li></ol>
        </li>
        <li><strong>Veg</strong></li>
      </ul>`;
    expect(docOf(html).content).toEqual([
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              p("Fruit"),
              {
                type: "orderedList",
                attrs: { start: 2 },
                content: [
                  { type: "listItem", content: [p("apple")] },
                  { type: "listItem", content: [p("pear")] },
                ],
              },
            ],
          },
          {
            type: "listItem",
            content: [{ type: "paragraph", content: [{ type: "text", text: "Veg", marks: [{ type: "bold" }] }] }],
          },
        ],
      },
    ]);
    expect(plainTextOf(docOf(html))).toBe("Fruit\napple\npear\nVeg");
  });

  it("attaches a list written as a sibling of <li> to the item before it", () => {
    const doc = docOf("<ul><li>a</li><ul><li>a1</li></ul><li>b</li></ul>");
    expect(doc.content).toEqual([
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [p("a"), { type: "bulletList", content: [{ type: "listItem", content: [p("a1")] }] }],
          },
          { type: "listItem", content: [p("b")] },
        ],
      },
    ]);
  });

  it("gives an item that starts with a block the paragraph the schema requires", () => {
    const doc = docOf("<ul><li><ul><li>deep</li></ul></li><li><h3>Title</h3>body</li></ul>");
    expect(doc.content).toEqual([
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              { type: "paragraph" },
              { type: "bulletList", content: [{ type: "listItem", content: [p("deep")] }] },
            ],
          },
          { type: "listItem", content: [p("Title"), p("body")] },
        ],
      },
    ]);
  });

  it("drops empty list items, lists, blockquotes and code blocks", () => {
    expect(docOf("<ul><li> </li></ul><ol></ol><blockquote> </blockquote><pre>  \n </pre><p>kept</p>").content).toEqual([
      p("kept"),
    ]);
  });

  it("splits a paragraph around a block nested in inline markup, keeping the marks", () => {
    // htmlparser2, unlike a browser, leaves <p> inside <strong>; the builder must cope.
    expect(docOf("<p>a<strong>b<p>c</p></strong></p>").content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "a" },
          { type: "text", text: "b", marks: [{ type: "bold" }] },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: "c", marks: [{ type: "bold" }] }] },
    ]);
  });

  it("adds horizontal rules as blocks between paragraphs", () => {
    expect(docOf("one<hr>two").content).toEqual([p("one"), { type: "horizontalRule" }, p("two")]);
  });
});

describe("htmlToDoc: marks", () => {
  it("combines bold, italic and link in the schema's mark order", () => {
    const doc = docOf('<p><em><a href="https://x.example/"><b>all</b></a></em></p>');
    expect(doc.content).toEqual([
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "all",
            marks: [{ type: "link", attrs: { href: "https://x.example/" } }, { type: "bold" }, { type: "italic" }],
          },
        ],
      },
    ]);
  });

  it("does not repeat a mark for nested bold", () => {
    expect(docOf("<b>one <strong>two</strong></b>").content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "one two", marks: [{ type: "bold" }] }] },
    ]);
  });

  it("keeps inline code as plain text (the schema has no code mark)", () => {
    expect(textOf("<p>Call <code>f()</code> now</p>")).toBe("Call f() now");
  });
});

describe("htmlToDoc: entities", () => {
  it("decodes named, numeric and hex entities exactly once", () => {
    expect(textOf("<p>&lt;tag&gt; &amp;amp; &quot;q&quot; &#8212; &#x2019; &eacute; &hellip;</p>")).toBe(
      '<tag> &amp; "q" \u2014 \u2019 é \u2026',
    );
  });
});

describe("htmlToDoc: limits", () => {
  it("keeps the text of structure nested deeper than the sanitizer's limit", () => {
    const deep = "<blockquote>".repeat(300) + "bottom" + "</blockquote>".repeat(300);
    expect(textOf(deep)).toBe("bottom");
  });

  it("refuses absurdly deep HTML quickly instead of blocking the server", () => {
    const started = Date.now();
    const unclosed = "<b>x".repeat(500_000); // 2 MB
    expect(() => sanitizeArticleHtml(unclosed)).toThrow(ArticleImportError);
    expect(() => sanitizeArticleHtml(unclosed)).toThrow(/nested too deeply/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses unsanitized input too deep to walk", () => {
    expect(() => htmlToDoc("<b>".repeat(1500) + "x")).toThrow(ArticleImportError);
  });
});

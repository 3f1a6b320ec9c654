import { readFile } from "node:fs/promises";
import path from "node:path";
import { Node } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import type { ArticleDoc } from "../document";
import { articleSchema } from "../extensions";
import { plainTextOf } from "../plain-text";
import { ArticleImportError, MAX_ARTICLE_BYTES, importArticle, type ArticleFormat } from "./index";

const FIXTURES = path.join(__dirname, "../../../test/fixtures/import");

function expectValidForSchema(doc: ArticleDoc): void {
  expect(() => Node.fromJSON(articleSchema, doc).check()).not.toThrow();
}

async function imported(format: ArticleFormat, data: Buffer | string) {
  const result = await importArticle({ format, data });
  expectValidForSchema(result.doc);
  expect(result.text).toBe(plainTextOf(result.doc));
  return result;
}

async function importError(format: ArticleFormat, data: Buffer | string): Promise<ArticleImportError> {
  const error: unknown = await importArticle({ format, data }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArticleImportError);
  return error as ArticleImportError;
}

describe("importArticle: plain text", () => {
  it("makes each non-empty line a paragraph and escapes markup as text", async () => {
    const { doc, text } = await imported(
      "txt",
      "Mayor resigns\r\n\r\n  Officials confirmed <b>nothing</b> & more.  \n\n\nEnd.\n",
    );
    expect(doc).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Mayor resigns" }] },
        { type: "paragraph", content: [{ type: "text", text: "Officials confirmed <b>nothing</b> & more." }] },
        { type: "paragraph", content: [{ type: "text", text: "End." }] },
      ],
    });
    expect(text).toBe("Mayor resigns\nOfficials confirmed <b>nothing</b> & more.\nEnd.");
  });

  it("reads UTF-8 with a BOM, UTF-16 with a BOM, and Windows-1252 bytes", async () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Café déjà vu", "utf8")]);
    expect((await imported("txt", utf8)).text).toBe("Café déjà vu");

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Zürich\r\nGenève", "utf16le")]);
    expect((await imported("txt", utf16)).text).toBe("Zürich\nGenève");

    const cp1252 = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]); // “Café” €5
    expect((await imported("txt", cp1252)).text).toBe("\u201cCafé\u201d €5");
  });
});

describe("importArticle: Markdown", () => {
  it("turns headings, lists, quotes, links and emphasis into the matching nodes", async () => {
    const markdown = [
      "# Budget vote",
      "",
      "The council **approved** the plan *late* on [Tuesday](https://example.org/vote).",
      "",
      "> Nobody asked us.",
      "> — a resident",
      "",
      "- schools",
      "- roads",
      "  1. potholes",
      "  2. bridges",
      "",
      "3. third",
      "4. fourth",
      "",
      "---",
      "",
      "```",
      "total = 3 + 4",
      "```",
    ].join("\n");
    const { doc, text } = await imported("md", markdown);
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Budget vote" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The council " },
          { type: "text", text: "approved", marks: [{ type: "bold" }] },
          { type: "text", text: " the plan " },
          { type: "text", text: "late", marks: [{ type: "italic" }] },
          { type: "text", text: " on " },
          { type: "text", text: "Tuesday", marks: [{ type: "link", attrs: { href: "https://example.org/vote" } }] },
          { type: "text", text: "." },
        ],
      },
      {
        type: "blockquote",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Nobody asked us. — a resident" }] }],
      },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "schools" }] }] },
          {
            type: "listItem",
            content: [
              { type: "paragraph", content: [{ type: "text", text: "roads" }] },
              {
                type: "orderedList",
                content: [
                  { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "potholes" }] }] },
                  { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "bridges" }] }] },
                ],
              },
            ],
          },
        ],
      },
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "third" }] }] },
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "fourth" }] }] },
        ],
      },
      { type: "horizontalRule" },
      { type: "codeBlock", content: [{ type: "text", text: "total = 3 + 4" }] },
    ]);
    expect(text).toBe(
      [
        "Budget vote",
        "The council approved the plan late on Tuesday.",
        "Nobody asked us. — a resident",
        "schools",
        "roads",
        "potholes",
        "bridges",
        "third",
        "fourth",
        "total = 3 + 4",
      ].join("\n"),
    );
  });

  it("sanitizes raw HTML embedded in Markdown", async () => {
    const { doc, text } = await imported(
      "md",
      'Hello <script>alert(1)</script><img src=x onerror="alert(2)"> [click](javascript:alert(3)) world',
    );
    expect(JSON.stringify(doc)).not.toMatch(/alert|javascript|onerror/);
    expect(text).toBe("Hello click world");
  });
});

describe("importArticle: HTML", () => {
  it("strips scripts, event handlers, styles, frames and unsafe links but keeps the article text", async () => {
    const html = `<!doctype html>
      <html><head><title>Page title</title><style>p { color: red }</style></head>
      <body onload="steal()">
        <h2 style="color:red" onclick="steal()">Fire at the <em>docks</em></h2>
        <script>document.cookie</script>
        <p>Crews arrived <img src="x" onerror="alert(1)">at 9&nbsp;pm. <a href="javascript:alert(1)">Watch video</a></p>
        <iframe src="https://evil.example"><p>iframe fallback</p></iframe>
        <p>Source: <a href="https://news.example/fire" target="_blank" onclick="x()">fire report</a>
           and <a href="http://archive.example/a?b=1&amp;c=2">archive</a>.</p>
      </body></html>`;
    const { doc, text } = await imported("html", html);
    expect(doc.content).toEqual([
      {
        type: "heading",
        attrs: { level: 2 },
        content: [
          { type: "text", text: "Fire at the " },
          { type: "text", text: "docks", marks: [{ type: "italic" }] },
        ],
      },
      {
        type: "paragraph",
        content: [{ type: "text", text: "Crews arrived at 9\u00a0pm. Watch video" }],
      },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Source: " },
          {
            type: "text",
            text: "fire report",
            marks: [{ type: "link", attrs: { href: "https://news.example/fire" } }],
          },
          { type: "text", text: " and " },
          {
            type: "text",
            text: "archive",
            marks: [{ type: "link", attrs: { href: "http://archive.example/a?b=1&c=2" } }],
          },
          { type: "text", text: "." },
        ],
      },
    ]);
    expect(text).toBe("Fire at the docks\nCrews arrived at 9\u00a0pm. Watch video\nSource: fire report and archive.");
    expect(JSON.stringify(doc)).not.toMatch(/steal|alert|cookie|color|evil|fallback|Page title/);
  });

  it("keeps table cells and layout boxes as separate paragraphs instead of gluing words", async () => {
    const { text } = await imported(
      "html",
      "<div>Byline</div><div>Dateline</div><table><tr><th>Year</th><th>Spend</th></tr><tr><td>2023</td><td>€4m</td></tr></table>",
    );
    expect(text).toBe("Byline\nDateline\nYear\nSpend\n2023\n€4m");
  });
});

describe("importArticle: .docx", () => {
  it("imports a Word document's heading, bold and italic text, link and line break", async () => {
    const docx = await readFile(path.join(FIXTURES, "sample.docx"));
    const { doc, text } = await imported("docx", docx);
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Council approves budget" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The council voted " },
          { type: "text", text: "unanimously", marks: [{ type: "bold" }] },
          { type: "text", text: " on Tuesday & adjourned." },
        ],
      },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Read the " },
          {
            type: "text",
            text: "minutes",
            marks: [{ type: "link", attrs: { href: "https://example.org/minutes" } }, { type: "italic" }],
          },
          { type: "text", text: "." },
          { type: "hardBreak" },
          { type: "text", text: "Second line." },
        ],
      },
    ]);
    expect(text).toBe(
      "Council approves budget\nThe council voted unanimously on Tuesday & adjourned.\nRead the minutes.\nSecond line.",
    );
  });

  it("refuses a file that is not a Word document with advice", async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const error = await importError("docx", random);
    expect(error.message).toMatch(/could not be read: open it in Word/);
  });

  it("refuses a truncated .docx", async () => {
    const docx = await readFile(path.join(FIXTURES, "sample.docx"));
    const error = await importError("docx", docx.subarray(0, docx.length / 2));
    expect(error.message).toMatch(/could not be read/);
  });

  it("explains password-protected and old .doc files", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await importError("docx", ole);
    expect(error.message).toMatch(/password-protected or in the old Word \.doc format/);
  });
});

describe("importArticle: refused input", () => {
  it.each<[ArticleFormat, Buffer | string]>([
    ["txt", ""],
    ["txt", " \n\t\r\n "],
    ["md", Buffer.alloc(0)],
    ["html", "<p> </p><p>&nbsp;</p><script>only code</script><img src=x>"],
    ["md", "---\n\n---"],
    ["txt", "\u202e \u2066\n\u202a\u2069 "],
    ["docx", Buffer.alloc(0)],
  ])("refuses empty %s input", async (format, data) => {
    const error = await importError(format, data);
    expect(error.message).toBe("The article is empty: paste or upload some text.");
  });

  it("refuses input over 2 MB before converting it", async () => {
    const error = await importError("txt", "a".repeat(MAX_ARTICLE_BYTES + 1));
    expect(error.message).toMatch(/^The article is larger than 2 MB \(this one is 2\.1 MB\): split it/);
  });

  it("counts pasted text in UTF-8 bytes, not characters", async () => {
    const error = await importError("txt", "é".repeat(MAX_ARTICLE_BYTES / 2 + 1));
    expect(error.message).toMatch(/larger than 2 MB/);
  });

  it("accepts input of exactly 2 MB", async () => {
    const { text } = await imported("txt", "a".repeat(MAX_ARTICLE_BYTES));
    expect(text.length).toBe(MAX_ARTICLE_BYTES);
  });

  it("suggests removing pictures from an oversized .docx", async () => {
    const error = await importError("docx", Buffer.alloc(MAX_ARTICLE_BYTES + 1, 1));
    expect(error.message).toMatch(/remove pictures/);
  });

  it.each<ArticleFormat>(["txt", "md", "html"])("refuses a binary file given as %s", async (format) => {
    const docx = await readFile(path.join(FIXTURES, "sample.docx"));
    const error = await importError(format, docx);
    expect(error.message).toMatch(/does not look like text/);
  });

  it("refuses an unknown format from an unchecked caller", async () => {
    const error = await importError("pdf" as ArticleFormat, "text");
    expect(error.message).toMatch(/upload a \.txt, \.md, \.html or \.docx file/);
  });
});

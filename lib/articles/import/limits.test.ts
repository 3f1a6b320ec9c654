import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  compressionBombDocx,
  deepHtml,
  deepQuoteMarkdown,
  docxWithBody,
  listMarkerMarkdown,
  paragraphBombDocx,
} from "@/test/fixtures/import/bombs";
import { ArticleImportError, importArticle, type ArticleFormat } from "./index";
import { MAX_BLOCKS, MAX_DOCX_ELEMENTS, MAX_DOCX_ENTRIES, MAX_DOCX_PARAGRAPHS, MAX_HTML_ELEMENTS } from "./limits";

const FIXTURES = path.join(__dirname, "../../../test/fixtures/import");

/** The bound: every hostile input is refused within 5 s (here without the worker). */
const REFUSED_WITHIN_MS = 5_000;

async function refusal(format: ArticleFormat, data: Buffer | string): Promise<string> {
  const started = performance.now();
  const error: unknown = await importArticle({ format, data }).then(
    () => null,
    (e: unknown) => e,
  );
  const elapsed = performance.now() - started;
  expect(error).toBeInstanceOf(ArticleImportError);
  expect(elapsed).toBeLessThan(REFUSED_WITHIN_MS);
  return (error as ArticleImportError).message;
}

const paragraphs = (count: number, text = "A sentence of the article.") =>
  `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`.repeat(count);

describe("import limits: .docx", () => {
  it("refuses a paragraph bomb (2 million empty paragraphs in a small file) by its paragraph count", async () => {
    const bomb = paragraphBombDocx();
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusal("docx", bomb)).toBe(
      "This document has more than 20,000 paragraphs: split it into several articles. " +
        "(Empty paragraphs count too: remove blank lines used for spacing.)",
    );
  });

  it("refuses a compression bomb (1 MB that unpacks to 1 GB) from the sizes its zip declares", async () => {
    const bomb = compressionBombDocx();
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(await refusal("docx", bomb)).toMatch(
      /^This \.docx file unpacks to more than 32 MB \(this one to 1,025 MB\): it is probably damaged/,
    );
  });

  it("refuses a compression bomb whose zip lies about its size, by inflating with a cap", async () => {
    expect(await refusal("docx", compressionBombDocx({ lie: true }))).toMatch(
      /^This \.docx file unpacks to more than 32 MB: it is probably damaged/,
    );
  });

  it("refuses a document just over the paragraph limit and accepts one at it", async () => {
    expect(await refusal("docx", docxWithBody(paragraphs(MAX_DOCX_PARAGRAPHS + 1)))).toMatch(/more than 20,000 paragraphs/);
    const { doc } = await importArticle({ format: "docx", data: docxWithBody(paragraphs(MAX_DOCX_PARAGRAPHS)) });
    expect(doc.content).toHaveLength(MAX_DOCX_PARAGRAPHS);
  });

  it("refuses a document with too many XML elements", async () => {
    // Few paragraphs, but each with thousands of empty runs.
    const run = "<w:r><w:t>a</w:t></w:r>";
    const body = `<w:p>${run.repeat(MAX_DOCX_ELEMENTS / 4)}</w:p>`.repeat(3);
    expect(await refusal("docx", docxWithBody(body))).toBe(
      "This document is too heavily formatted to import (more than 200,000 formatting elements): " +
        "split it into several articles, or paste its text instead.",
    );
  });

  it("refuses XML nested hundreds of levels deep", async () => {
    const body = `${"<w:sdt><w:sdtContent>".repeat(200)}${paragraphs(1)}${"</w:sdtContent></w:sdt>".repeat(200)}`;
    expect(await refusal("docx", docxWithBody(body))).toMatch(
      /^This document nests tables, lists or fields more than 256 levels deep \(it is probably damaged\)/,
    );
  });

  it("does not count a '>' inside an attribute value as the end of a tag", async () => {
    // 180 levels deep (under the limit); read as ending at its ">", each self-closing <w:alias>
    // would count as an open tag too, 270 levels.
    const open = '<w:sdt><w:sdtPr><w:alias w:val="a>b"/></w:sdtPr><w:sdtContent>';
    const body = `${open.repeat(90)}${paragraphs(1, "Inside")}${"</w:sdtContent></w:sdt>".repeat(90)}`;
    const { text } = await importArticle({ format: "docx", data: docxWithBody(body) });
    expect(text).toBe("Inside");
  });

  it("refuses a zip with too many parts", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    for (let i = 0; i <= MAX_DOCX_ENTRIES; i++) zip.file(`word/media/image${i}.png`, "x");
    const data = await zip.generateAsync({ type: "nodebuffer" });
    expect(await refusal("docx", data)).toMatch(/^This \.docx file holds more than 1,000 parts/);
  });

  it("checks every part, not only those named .xml: the package says which part is the document", async () => {
    const disguised = docxWithBody("<w:p/>".repeat(2_000_000), { documentPart: "word/media/image1.png" });
    expect(await refusal("docx", disguised)).toMatch(/^This document has more than 20,000 paragraphs/);
  });

  it("refuses as unreadable a zip that jszip would read differently (a part hidden from the end record)", async () => {
    const docx = docxWithBody(paragraphs(3));
    const hidden = Buffer.from(docx);
    hidden.writeUInt16LE(2, hidden.length - 22 + 8); // entries on this disk
    hidden.writeUInt16LE(2, hidden.length - 22 + 10); // entries in all
    expect(await refusal("docx", hidden)).toMatch(/^This \.docx file could not be read/);
    const prefixed = Buffer.concat([Buffer.from("junk before the zip"), docx]);
    expect(await refusal("docx", prefixed)).toMatch(/^This \.docx file could not be read/);
  });

  it("imports a document with a picture: binary parts do not count as nested XML", async () => {
    const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const picture = Buffer.concat([PNG_SIGNATURE, randomBytes(1024 * 1024)]);
    const data = docxWithBody(paragraphs(2), { extraParts: [["word/media/image1.png", picture]] });
    expect((await importArticle({ format: "docx", data })).text).toBe("A sentence of the article.\nA sentence of the article.");
  });

  it("still imports the sample Word document exactly as before", async () => {
    const { text } = await importArticle({ format: "docx", data: await readFile(path.join(FIXTURES, "sample.docx")) });
    expect(text).toMatch(/^Council approves budget\n/);
  });
});

describe("import limits: HTML", () => {
  it("refuses HTML nested 100,000 deep", async () => {
    expect(await refusal("html", deepHtml())).toBe(
      "The article's HTML is nested too deeply to import (more than 1,000 levels; it is probably damaged): " +
        "paste the article as plain text instead.",
    );
  });

  it("refuses HTML with more tags than the limit, however shallow", async () => {
    expect(await refusal("html", "<p>x</p>".repeat(MAX_HTML_ELEMENTS + 1))).toBe(
      "The article is too heavily formatted to import (more than 200,000 tags, such as paragraphs, links " +
        "and bold text): split it into several articles, or upload it as plain text (.txt).",
    );
  });

  it("refuses a document of more blocks than the limit", async () => {
    const html = "<ul>" + "<li>item</li>".repeat(MAX_BLOCKS) + "</ul>"; // items, each with a paragraph
    expect(await refusal("html", html)).toBe(
      "The article has more than 20,000 paragraphs, headings and list items: split it into several articles.",
    );
  });
});

describe("import limits: Markdown and plain text", () => {
  it("refuses 2 MB of '- - - - - x' lines (nested lists)", async () => {
    expect(await refusal("md", listMarkerMarkdown())).toBe(
      "This Markdown has too many list items and quotes to import: split it into several articles, " +
        "or upload it as plain text (.txt).",
    );
  });

  it("refuses blockquotes nested 100,000 deep", async () => {
    expect(await refusal("md", deepQuoteMarkdown())).toMatch(
      /^This Markdown nests lists or quotes more than 32 levels deep/,
    );
  });

  it("refuses plain text of more lines than the paragraph limit", async () => {
    expect(await refusal("txt", "a\n".repeat(MAX_BLOCKS + 1))).toMatch(/more than 20,000 paragraphs/);
  });

  it("refuses text longer than the character limit (a .docx can hold more than it weighs)", async () => {
    expect(await refusal("docx", compressionBombDocx({ bytes: 3 * 1024 * 1024 }))).toBe(
      "The article is longer than 2.5 million characters (about 400,000 words): split it into several articles.",
    );
  });
});

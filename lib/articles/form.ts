import { Problem } from "@/lib/errors";
import { articleMetaSchema, pasteFormatSchema, type ArticleMeta } from "./schemas";
import { MAX_ARTICLE_BYTES, formatFromFileName, type ArticleFormat } from "./import";

export interface ArticleSubmission {
  meta: ArticleMeta;
  source: { format: ArticleFormat; data: Buffer | string };
}

const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * Reads the "Add article" form (multipart): the details, then either an uploaded file or pasted
 * text. Throws Problem with a message for the person filling the form.
 */
export async function readArticleSubmission(form: FormData): Promise<ArticleSubmission> {
  const meta = readArticleMeta(form);

  const file = form.get("file");
  if (file instanceof Blob && file.size > 0) {
    const name = "name" in file && typeof file.name === "string" ? file.name : "";
    const format = formatFromFileName(name);
    if (!format) {
      throw new Problem("invalid", `"${name}" is not a supported file: upload a .txt, .md, .html or .docx file.`);
    }
    if (file.size > MAX_ARTICLE_BYTES) throw tooLarge();
    return { meta, source: { format, data: Buffer.from(await file.arrayBuffer()) } };
  }

  const text = field(form, "text");
  if (!text.trim()) throw new Problem("invalid", "The article is empty: paste its text or choose a file to upload.");
  if (Buffer.byteLength(text) > MAX_ARTICLE_BYTES) throw tooLarge();
  return { meta, source: { format: pasteFormatSchema.parse(field(form, "format") || "txt"), data: text } };
}

/** The article's details from the form. */
export function readArticleMeta(form: FormData): ArticleMeta {
  return articleMetaSchema.parse({
    title: field(form, "title"),
    outlet: field(form, "outlet"),
    author: field(form, "author"),
    url: field(form, "url"),
    publishedAt: field(form, "publishedAt"),
  });
}

/**
 * The edit form leaves its text out when the editor did not change it (`keepText=1`, no file):
 * the revision keeps the current body exactly, whatever converting it back and forth would do.
 */
export function keepsText(form: FormData): boolean {
  const file = form.get("file");
  return field(form, "keepText") === "1" && !(file instanceof Blob && file.size > 0);
}

function tooLarge(): Problem {
  return new Problem("too_large", "The article is larger than 2 MB: split it or remove embedded material.");
}

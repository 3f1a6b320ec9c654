import "server-only";
import { Problem } from "@/lib/errors";
import { keepsText, readArticleMeta, readArticleSubmission } from "@/lib/articles/form";
import { MAX_ARTICLE_BYTES } from "@/lib/articles/import";
import type { ArticleMeta } from "@/lib/articles/schemas";
import type { SerializedArticle } from "@/lib/articles/import/worker";
import { importInWorker } from "./import-pool";

// Room for the form's other fields and multipart framing around a 2 MB article.
const MAX_FORM_BYTES = MAX_ARTICLE_BYTES + 64 * 1024;

export interface ArticleUpload<Content = SerializedArticle> {
  form: FormData;
  meta: ArticleMeta;
  content: Content;
}

/**
 * The "Add article" and "Edit article" forms (multipart): the details and the imported text,
 * with the same limits and messages for both. Throws Problem: 413 too large, 400 not a form,
 * 422 for what the import refuses.
 */
export async function readArticleUpload(req: Request): Promise<ArticleUpload> {
  const upload = await readRevisionUpload(req);
  if (upload.content === "keep") throw new Problem("invalid", "The article is empty: paste its text or choose a file to upload.");
  return { ...upload, content: upload.content };
}

/** As readArticleUpload, or "keep" when the edit form left the text unchanged (lib/articles/form.ts keepsText). */
export async function readRevisionUpload(req: Request): Promise<ArticleUpload<ArticleUpload["content"] | "keep">> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_FORM_BYTES) {
    throw new Problem("too_large", "The article is larger than 2 MB: split it or remove embedded material.");
  }
  const form = await req.formData().catch(() => {
    throw new Problem("malformed", "Send the article as a form (multipart/form-data).");
  });
  if (keepsText(form)) return { form, meta: readArticleMeta(form), content: "keep" };
  const { meta, source } = await readArticleSubmission(form);
  // Off the event loop, with a time and memory cap: refusals are Problems (422, 413, 503).
  const content = await importInWorker(source);
  return { form, meta, content };
}

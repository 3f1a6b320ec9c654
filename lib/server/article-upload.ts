import "server-only";
import { Problem } from "@/lib/errors";
import type { ArticleDoc } from "@/lib/articles/document";
import { readArticleSubmission } from "@/lib/articles/form";
import { ArticleImportError, MAX_ARTICLE_BYTES, importArticle } from "@/lib/articles/import";
import type { ArticleMeta } from "@/lib/articles/schemas";

// Room for the form's other fields and multipart framing around a 2 MB article.
const MAX_FORM_BYTES = MAX_ARTICLE_BYTES + 64 * 1024;

export interface ArticleUpload {
  form: FormData;
  meta: ArticleMeta;
  content: { doc: ArticleDoc; text: string };
}

/**
 * The "Add article" and "Edit article" forms (multipart): the details and the imported text,
 * with the same limits and messages for both. Throws Problem: 413 too large, 400 not a form,
 * 422 for what the import refuses.
 */
export async function readArticleUpload(req: Request): Promise<ArticleUpload> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_FORM_BYTES) {
    throw new Problem("too_large", "The article is larger than 2 MB: split it or remove embedded material.");
  }
  const form = await req.formData().catch(() => {
    throw new Problem("malformed", "Send the article as a form (multipart/form-data).");
  });
  const { meta, source } = await readArticleSubmission(form);
  const content = await importArticle(source).catch((error: unknown) => {
    throw error instanceof ArticleImportError ? new Problem("invalid", error.message) : error;
  });
  return { form, meta, content };
}

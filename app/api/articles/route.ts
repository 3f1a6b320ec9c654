import { Problem } from "@/lib/errors";
import { readArticleSubmission } from "@/lib/articles/form";
import { ArticleImportError, MAX_ARTICLE_BYTES, importArticle } from "@/lib/articles/import";
import { canAddArticles } from "@/lib/users/roles";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { createArticle, listArticles } from "@/lib/server/articles";

const onGet = apiRoute(async () => json({ articles: await listArticles() }));

// Room for the form's other fields and multipart framing around a 2 MB article.
const MAX_FORM_BYTES = MAX_ARTICLE_BYTES + 64 * 1024;

const onPost = apiRoute(async ({ req, user }) => {
  if (!canAddArticles(user.role)) throw new Problem("forbidden", "Your role cannot add articles.");
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
  const article = await createArticle(user.id, meta, content);
  return json(article, { status: 201, headers: { Location: `/articles/${article.id}` } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

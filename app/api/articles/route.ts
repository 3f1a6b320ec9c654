import { Problem } from "@/lib/errors";
import { readArticleSubmission } from "@/lib/articles/form";
import { MAX_ARTICLE_BYTES } from "@/lib/articles/import";
import { canAddArticles } from "@/lib/users/roles";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { createArticle, listArticles } from "@/lib/server/articles";
import { importInWorker } from "@/lib/server/import-pool";

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
  // Off the event loop, with a time and memory cap: refusals are Problems (422, 413, 503).
  const content = await importInWorker(source);
  const article = await createArticle(user.id, meta, content);
  return json(article, { status: 201, headers: { Location: `/articles/${article.id}` } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

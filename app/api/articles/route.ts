import { Problem } from "@/lib/errors";
import { canAddArticles } from "@/lib/users/roles";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { readArticleUpload } from "@/lib/server/article-upload";
import { json } from "@/lib/server/json-response";
import { createArticle, listArticles } from "@/lib/server/articles";
import { scheduleSuggestions } from "@/lib/server/suggestions";

const onGet = apiRoute(async () => json({ articles: await listArticles() }));

const onPost = apiRoute(async ({ req, user }) => {
  if (!canAddArticles(user.role)) throw new Problem("forbidden", "Your role cannot add articles.");
  const { meta, content } = await readArticleUpload(req);
  const article = await createArticle(user.id, meta, content);
  // In the background: the upload is answered at once, the page says "Finding suggestions…".
  scheduleSuggestions(article.id);
  return json(article, { status: 201, headers: { Location: `/articles/${article.id}` } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

import { apiRoute } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { getArticle } from "@/lib/server/articles";

export const GET = apiRoute<{ id: string }>(async ({ params }) => json(await getArticle(params.id)));

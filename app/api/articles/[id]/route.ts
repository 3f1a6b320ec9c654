import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { getArticle } from "@/lib/server/articles";

const onGet = apiRoute<{ id: string }>(async ({ params }) => json(await getArticle(params.id)));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

import { searchQuerySchema, withoutEmpty } from "@/lib/search/schemas";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { searchParamsOf } from "@/lib/server/request";
import { search } from "@/lib/server/search";

/** Ranked results with snippets, and a cursor for the next page (decision 0020). */
const onGet = apiRoute(async ({ req, user }) => {
  const input = searchQuerySchema.parse(withoutEmpty(searchParamsOf(req)));
  return json(await search(input, user.id), { headers: { "Cache-Control": "private, no-cache" } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

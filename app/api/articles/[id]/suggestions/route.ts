import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { readSuggestions } from "@/lib/server/suggestions";

/**
 * The suggested claims of the article's current revision: `state` "pending" until computed (the
 * page asks again), then the undismissed suggestions on sentences without a claim.
 */
const onGet = apiRoute<{ id: string }>(async ({ params }) =>
  json(await readSuggestions(params.id), { headers: { "Cache-Control": "no-store" } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { similarClaimsOf } from "@/lib/server/search";

type Params = { id: string };

/** Up to three earlier, rated claims in other articles with nearly the same wording ("Checked before"). */
const onGet = apiRoute<Params>(async ({ params }) =>
  json({ similar: await similarClaimsOf(params.id) }, { headers: { "Cache-Control": "private, no-cache" } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

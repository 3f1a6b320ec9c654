import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { getClaimHistory } from "@/lib/server/claim-details";

type Params = { id: string };

/** A claim's history, oldest first; the card loads it when its History is opened. */
const onGet = apiRoute<Params>(async ({ params }) =>
  json(
    { history: await getClaimHistory(params.id) },
    { headers: { "Cache-Control": "private, no-cache" } },
  ),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

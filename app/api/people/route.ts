import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { listActivePeople } from "@/lib/server/people";

/** Active colleagues, `{ id, name }` only: what the reply box suggests after `@`. */
const onGet = apiRoute(async () =>
  json({ people: await listActivePeople() }, { headers: { "Cache-Control": "private, no-cache" } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

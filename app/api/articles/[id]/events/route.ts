import { parseLastEventId } from "@/lib/live/events";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { liveHub } from "@/lib/server/live-hub";
import { searchParamsOf } from "@/lib/server/request";

type Params = { id: string };

// A stream per request: never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * The article's live updates as Server-Sent Events (decision 0018): `ready`, then `change`
 * (pointers into the change feed, id = the feed step), `presence` and `inbox` hints. 404 for an
 * unknown article, 429 past the per-user cap.
 */
const onGet = apiRoute<Params>(async ({ req, user, params }) => {
  const lastEventId = parseLastEventId(req.headers.get("last-event-id") ?? searchParamsOf(req).lastEventId);
  return liveHub.open({ user, articleId: params.id, lastEventId, signal: req.signal });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

import { apiRoute, routeMethods } from "@/lib/server/api";
import { liveHub } from "@/lib/server/live-hub";

export const dynamic = "force-dynamic";

/** The signed-in editor's inbox hints as Server-Sent Events, for pages other than an article's (decision 0018). */
const onGet = apiRoute(async ({ req, user }) =>
  liveHub.open({ user, articleId: null, lastEventId: null, signal: req.signal }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

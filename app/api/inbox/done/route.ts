import { inboxDoneSchema } from "@/lib/inbox/schemas";
import { apiRoute, routeMethods, readJson } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { markInboxDone } from "@/lib/server/inbox";

/** Marks inbox items done (`done: false`: open again); answers the open items and their number. */
const onPost = apiRoute(async ({ req, user }) => {
  const { keys, done } = await readJson(req, inboxDoneSchema);
  return json(await markInboxDone(user.id, keys, done ?? true));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

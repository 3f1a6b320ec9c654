import { z } from "zod";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { readInbox } from "@/lib/server/inbox";
import { searchParamsOf } from "@/lib/server/request";

const querySchema = z.object({
  done: z.enum(["include"], { error: 'done is "include" (to list done items too) or left out.' }).optional(),
});

/** The signed-in editor's inbox, newest first: open items, or all with ?done=include. */
const onGet = apiRoute(async ({ req, user }) => {
  const { done } = querySchema.parse(searchParamsOf(req));
  return json(await readInbox(user.id, { includeDone: done === "include" }), {
    headers: { "Cache-Control": "private, no-cache" },
  });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });

import { replySchema } from "@/lib/discussion/schemas";
import { apiRoute, routeMethods, readJson } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { listReplies, postReply } from "@/lib/server/discussion";

type Params = { id: string };

/** A claim's discussion, oldest first; the card loads it when Discussion is opened. */
const onGet = apiRoute<Params>(async ({ params }) =>
  json(await listReplies(params.id), { headers: { "Cache-Control": "private, no-cache" } }),
);

const onPost = apiRoute<Params>(async ({ req, user, params }) => {
  const reply = await postReply(user, params.id, await readJson(req, replySchema));
  return json(reply, { status: 201, headers: { Location: `/api/replies/${reply.id}` } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

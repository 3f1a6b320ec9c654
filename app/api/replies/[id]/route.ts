import { NextResponse } from "next/server";
import { replySchema } from "@/lib/discussion/schemas";
import { apiRoute, routeMethods, readJson } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { deleteReply, editReply } from "@/lib/server/discussion";

type Params = { id: string };

/** Own replies only (403 otherwise). */
const onPatch = apiRoute<Params>(async ({ req, user, params }) =>
  json(await editReply(user, params.id, await readJson(req, replySchema))),
);

const onDelete = apiRoute<Params>(async ({ user, params }) => {
  await deleteReply(user, params.id);
  return new NextResponse(null, { status: 204 });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ PATCH: onPatch, DELETE: onDelete });

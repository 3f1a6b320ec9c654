import { reassignClaimSchema } from "@/lib/claims/schemas";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { reassignClaim } from "@/lib/server/claim-reassign";

type Params = { id: string };

/** An admin gives the claim to another active editor; History records it with the admin's name. */
const onPost = apiRoute<Params>(async ({ req, user, params }) =>
  json(await reassignClaim(user, params.id, await readJson(req, reassignClaimSchema))),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

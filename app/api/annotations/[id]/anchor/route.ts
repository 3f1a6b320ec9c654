import { placeClaimSchema } from "@/lib/claims/schemas";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { placeClaim } from "@/lib/server/claim-placement";

type Params = { id: string };

/** Confirm the passage the engine found after a revision, or re-attach the claim to another one. */
const onPost = apiRoute<Params>(async ({ req, user, params }) =>
  json(await placeClaim(user, params.id, await readJson(req, placeClaimSchema))),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

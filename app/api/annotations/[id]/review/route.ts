import { reviewClaimSchema } from "@/lib/claims/schemas";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { reviewClaim } from "@/lib/server/reviews";

type Params = { id: string };

/** A second editor approves the claim's verdict or returns it to its author with a comment. */
const onPost = apiRoute<Params>(async ({ req, user, params }) =>
  json(await reviewClaim(user, params.id, await readJson(req, reviewClaimSchema))),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

import { NextResponse } from "next/server";
import { deleteClaimQuerySchema, updateClaimSchema } from "@/lib/claims/schemas";
import { LD_JSON, toWebAnnotation } from "@/lib/claims/web-annotation";
import { apiRoute, routeMethods, readJson } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { getClaimDetails } from "@/lib/server/claim-details";
import { deleteClaim, updateClaim } from "@/lib/server/claim-writes";
import { publicOrigin, searchParamsOf, wantsJsonLd } from "@/lib/server/request";

type Params = { id: string };

/** The claim without its history (…/history has it). */
const onGet = apiRoute<Params>(async ({ req, params }) => {
  const claim = await getClaimDetails(params.id);
  if (!wantsJsonLd(req)) return json(claim);
  const annotation = toWebAnnotation(claim, { baseUrl: publicOrigin(req), articleId: claim.articleId });
  return json(annotation, { headers: { "Content-Type": LD_JSON, Vary: "Accept" } });
});

const onPatch = apiRoute<Params>(async ({ req, user, params }) =>
  json(await updateClaim(user, params.id, await readJson(req, updateClaimSchema))),
);

const onDelete = apiRoute<Params>(async ({ req, user, params }) => {
  await deleteClaim(user, params.id, deleteClaimQuerySchema.parse(searchParamsOf(req)).version);
  return new NextResponse(null, { status: 204 });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, PATCH: onPatch, DELETE: onDelete });

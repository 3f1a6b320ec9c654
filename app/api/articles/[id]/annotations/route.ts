import { NextResponse } from "next/server";
import { claimFilterSchema, createClaimSchema } from "@/lib/claims/schemas";
import { LD_JSON, toAnnotationCollection } from "@/lib/claims/web-annotation";
import { apiRoute, readJson } from "@/lib/server/api";
import { getArticleTitle } from "@/lib/server/articles";
import { createClaim, listClaims } from "@/lib/server/claims";
import { publicOrigin, searchParamsOf, wantsJsonLd } from "@/lib/server/request";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ req, user, params }) => {
  const claims = await listClaims(params.id, claimFilterSchema.parse(searchParamsOf(req)), user);
  if (!wantsJsonLd(req)) return NextResponse.json({ claims });
  const title = await getArticleTitle(params.id);
  const collection = toAnnotationCollection(claims, { baseUrl: publicOrigin(req), articleId: params.id }, `Claims in “${title}”`);
  return NextResponse.json(collection, { headers: { "Content-Type": LD_JSON, Vary: "Accept" } });
});

export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const claim = await createClaim(user, params.id, await readJson(req, createClaimSchema));
  return NextResponse.json(claim, { status: 201, headers: { Location: `/api/annotations/${claim.id}` } });
});

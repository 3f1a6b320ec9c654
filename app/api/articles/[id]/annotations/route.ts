import { claimFilterSchema, claimListQuerySchema, createClaimSchema } from "@/lib/claims/schemas";
import { LD_JSON, toAnnotationCollection } from "@/lib/claims/web-annotation";
import { apiRoute, routeMethods, readJson } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { getArticleTitle } from "@/lib/server/articles";
import { listClaims } from "@/lib/server/claim-details";
import { readClaimsFeed } from "@/lib/server/claim-feed";
import { createClaim } from "@/lib/server/claim-writes";
import { publicOrigin, searchParamsOf, wantsJsonLd } from "@/lib/server/request";

type Params = { id: string };

// Per user ("me") and changing with every write: each client revalidates, no shared cache keeps it.
const LIST_HEADERS = { "Cache-Control": "private, no-cache", Vary: "Accept" };

const onGet = apiRoute<Params>(async ({ req, user, params }) => {
  if (wantsJsonLd(req)) {
    const claims = await listClaims(params.id, claimFilterSchema.parse(searchParamsOf(req)), user);
    const title = await getArticleTitle(params.id);
    const collection = toAnnotationCollection(claims, { baseUrl: publicOrigin(req), articleId: params.id }, `Claims in “${title}”`);
    return json(collection, { headers: { "Content-Type": LD_JSON, ...LIST_HEADERS } });
  }
  const { since, ...filter } = claimListQuerySchema.parse(searchParamsOf(req));
  const feed = await readClaimsFeed(params.id, filter, user, { since, ifNoneMatch: req.headers.get("if-none-match") });
  const headers = { ETag: feed.tag, ...LIST_HEADERS };
  if (feed.notModified) return new Response(null, { status: 304, headers });
  return json(feed.answer, { headers });
});

const onPost = apiRoute<Params>(async ({ req, user, params }) => {
  const claim = await createClaim(user, params.id, await readJson(req, createClaimSchema));
  return json(claim, { status: 201, headers: { Location: `/api/annotations/${claim.id}` } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

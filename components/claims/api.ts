import { claimsTag } from "@/lib/claims/feed";
import type {
  CreateClaimInput,
  PlaceClaimInput,
  ReassignClaimInput,
  ReviewClaimInput,
  UpdateClaimInput,
} from "@/lib/claims/schemas";
import type { ClaimDetails, ClaimEventView, ClaimSummaries } from "@/lib/claims/types";
import type { KnownPerson } from "@/lib/discussion/mentions";
import type { ReplyInput } from "@/lib/discussion/schemas";
import type { ReplyThread, ReplyView } from "@/lib/discussion/types";

/** The browser's side of the claims API. Errors come back as values with the server's message. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export async function call<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", Accept: "application/json", ...init.headers } });
  } catch {
    return { ok: false, status: 0, message: "The network failed. Check your connection and try again." };
  }
  if (response.status === 204 || response.status === 304) return { ok: true, value: undefined as T };
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: body as T };
  const message =
    body && typeof body === "object" && "error" in body && typeof body.error === "string"
      ? body.error
      : `The server answered ${response.status}. Try again.`;
  return { ok: false, status: response.status, message };
}

const annotationsUrl = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}/annotations`;
const claimUrl = (id: string) => `/api/annotations/${encodeURIComponent(id)}`;

/**
 * What changed in the article's (unfiltered) list since `cursor`; undefined when nothing did
 * (304: the tag of that cursor still names the list).
 */
export function fetchClaimChanges(articleId: string, cursor: string): Promise<ApiResult<ClaimSummaries | undefined>> {
  return call(`${annotationsUrl(articleId)}?since=${encodeURIComponent(cursor)}`, {
    method: "GET",
    // The page keeps the list itself: the browser's cache must neither answer nor store it.
    cache: "no-store",
    headers: { "If-None-Match": claimsTag(cursor, {}) },
  });
}

export function fetchClaim(id: string): Promise<ApiResult<ClaimDetails>> {
  return call(claimUrl(id), { method: "GET", cache: "no-store" });
}

export function fetchClaimHistory(id: string): Promise<ApiResult<{ history: ClaimEventView[] }>> {
  return call(`${claimUrl(id)}/history`, { method: "GET", cache: "no-store" });
}

export function postClaim(articleId: string, input: CreateClaimInput): Promise<ApiResult<ClaimDetails>> {
  return call(annotationsUrl(articleId), { method: "POST", body: JSON.stringify(input) });
}

export function patchClaim(id: string, input: UpdateClaimInput): Promise<ApiResult<ClaimDetails>> {
  return call(claimUrl(id), { method: "PATCH", body: JSON.stringify(input) });
}

export function removeClaim(id: string, version: number): Promise<ApiResult<void>> {
  return call(`${claimUrl(id)}?version=${version}`, { method: "DELETE" });
}

/** Confirm the passage found after a revision, or re-attach the claim to another one. */
export function placeClaimAt(id: string, input: PlaceClaimInput): Promise<ApiResult<ClaimDetails>> {
  return call(`${claimUrl(id)}/anchor`, { method: "POST", body: JSON.stringify(input) });
}

/** Admins: gives the claim to another active editor. */
export function reassignClaimTo(id: string, input: ReassignClaimInput): Promise<ApiResult<ClaimDetails>> {
  return call(`${claimUrl(id)}/reassign`, { method: "POST", body: JSON.stringify(input) });
}

// The discussion (decision 0016).

export function fetchReplies(claimId: string): Promise<ApiResult<ReplyThread>> {
  return call(`${claimUrl(claimId)}/replies`, { method: "GET", cache: "no-store" });
}

export function postReply(claimId: string, input: ReplyInput): Promise<ApiResult<ReplyView>> {
  return call(`${claimUrl(claimId)}/replies`, { method: "POST", body: JSON.stringify(input) });
}

export function patchReply(id: string, input: ReplyInput): Promise<ApiResult<ReplyView>> {
  return call(`/api/replies/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(input) });
}

export function removeReply(id: string): Promise<ApiResult<void>> {
  return call(`/api/replies/${encodeURIComponent(id)}`, { method: "DELETE" });
}

let people: Promise<KnownPerson[] | null> | null = null;

/** Active colleagues for mention suggestions: asked once per page; null after a failure (asked again next time). */
export function fetchPeople(): Promise<KnownPerson[] | null> {
  people ??= call<{ people: KnownPerson[] }>("/api/people", { method: "GET" }).then((result) => {
    if (result.ok) return result.value.people;
    people = null;
    return null;
  });
  return people;
}

/** A second editor approves the claim or returns it to its author with a comment. */
export function reviewClaim(id: string, input: ReviewClaimInput): Promise<ApiResult<ClaimDetails>> {
  return call(`${claimUrl(id)}/review`, { method: "POST", body: JSON.stringify(input) });
}

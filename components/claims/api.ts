import type { CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import type { ClaimView } from "@/lib/claims/types";

/** The browser's side of the claims API. Errors come back as values with the server's message. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

async function call<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", Accept: "application/json", ...init.headers } });
  } catch {
    return { ok: false, status: 0, message: "The network failed. Check your connection and try again." };
  }
  if (response.status === 204) return { ok: true, value: undefined as T };
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: body as T };
  const message =
    body && typeof body === "object" && "error" in body && typeof body.error === "string"
      ? body.error
      : `The server answered ${response.status}. Try again.`;
  return { ok: false, status: response.status, message };
}

export function fetchClaims(articleId: string): Promise<ApiResult<{ claims: ClaimView[] }>> {
  return call(`/api/articles/${encodeURIComponent(articleId)}/annotations`, { method: "GET", cache: "no-store" });
}

export function postClaim(articleId: string, input: CreateClaimInput): Promise<ApiResult<ClaimView>> {
  return call(`/api/articles/${encodeURIComponent(articleId)}/annotations`, { method: "POST", body: JSON.stringify(input) });
}

export function patchClaim(id: string, input: UpdateClaimInput): Promise<ApiResult<ClaimView>> {
  return call(`/api/annotations/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(input) });
}

export function removeClaim(id: string, version: number): Promise<ApiResult<void>> {
  return call(`/api/annotations/${encodeURIComponent(id)}?version=${version}`, { method: "DELETE" });
}

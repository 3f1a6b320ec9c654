import "server-only";
import { serverConfig } from "./env";

/** Whether the client asked for JSON-LD (W3C Web Annotation) rather than plain JSON. */
export function wantsJsonLd(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/ld+json");
}

/**
 * This server's public origin, for absolute links and IRIs: NEXTAUTH_URL when set (behind a proxy
 * the request's own host may be internal), else the origin the request was made to.
 */
export function publicOrigin(from: Request | string): string {
  const requestOrigin = typeof from === "string" ? from : new URL(from.url).origin;
  return serverConfig().publicUrl ?? requestOrigin.replace(/\/$/, "");
}

export function searchParamsOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

/**
 * The client's address, for the per-address sign-in limit. Next's server sets X-Forwarded-For to
 * the socket's address when the client sent none; behind a proxy that appends to the header, the
 * last entry is the one that proxy saw. A client talking to Next directly can send the header
 * itself and so choose its address: the per-address limit then only slows it down, the
 * per-account limit (keyed by email) holds regardless. "unknown" when there is no header at all.
 */
export function clientAddress(req: { headers: Headers }): string {
  const forwarded = req.headers.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").pop()?.trim();
  return last ? last.slice(0, 64) : "unknown";
}

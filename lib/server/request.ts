import "server-only";
import { clientAddressFrom, expectedOrigin } from "@/lib/security/origin";
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
 * The origin this server's own pages are served from, which writes must come from: the public URL
 * when configured, else the request's Host (X-Forwarded-Host/-Proto only with FACTLINE_TRUST_PROXY).
 */
export function ownOrigin(req: Request): string {
  const config = serverConfig();
  return expectedOrigin({
    publicUrl: config.publicUrl,
    requestUrl: req.url,
    host: req.headers.get("host"),
    forwardedHost: req.headers.get("x-forwarded-host"),
    forwardedProto: req.headers.get("x-forwarded-proto"),
    trustProxy: config.trustProxy,
  });
}

/**
 * The client's network address, for per-address limits: X-Forwarded-For's first entry behind a
 * trusted proxy (FACTLINE_TRUST_PROXY), else the socket's address (see lib/security/origin.ts and
 * docs/decisions/0012-csp-nonces-and-origin-check.md).
 */
export function clientAddress(req: { headers: Headers }): string {
  return clientAddressFrom(req.headers.get("x-forwarded-for"), serverConfig().trustProxy);
}

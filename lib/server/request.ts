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

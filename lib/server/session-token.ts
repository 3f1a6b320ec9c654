import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { serverConfig } from "./env";

/**
 * The decoded session cookie of a request, or null. The one place that knows the cookie's name:
 * with an https public URL next-auth sets `__Secure-next-auth.session-token` (Secure flag), else
 * `next-auth.session-token` (lib/server/auth.ts sets useSecureCookies from the same setting).
 * Used by proxy.ts and the route handlers' session check.
 */
export type TokenSource = Parameters<typeof getToken>[0]["req"];

export function readSessionToken(req: Request | TokenSource): Promise<JWT | null> {
  const config = serverConfig();
  return getToken({
    req: req as TokenSource,
    secret: config.nextAuthSecret,
    secureCookie: config.https,
  });
}

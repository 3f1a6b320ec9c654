import { NextResponse, type NextRequest } from "next/server";
import { STRICT_TRANSPORT_SECURITY, newNonce, pageContentSecurityPolicy } from "@/lib/security/csp";
import { serverConfig } from "@/lib/server/env";
import { readSessionToken } from "@/lib/server/session-token";

/** Pages anyone may see; every other page needs a session. */
const PUBLIC_PAGES = new Set(["/login"]);

/**
 * Every page request passes here: it gets a Content-Security-Policy with a fresh nonce (Next.js
 * reads the nonce from the request's CSP header and puts it on its own scripts; the root layout
 * renders every page per request for that), HSTS when the public URL is https, and anonymous visits
 * to pages other than sign-in go to /login and come back after signing in. Pages check the session
 * again.
 *
 * API routes pass straight through: every handler is wrapped by `apiRoute`, which answers 401
 * itself, so decoding the session twice per API call would only cost time; their headers are
 * static (next.config.js). Before anything, an address whose %-escapes do not decode to text gets
 * a 400: Next.js would fail decoding the route's parameters and answer a plain 500.
 */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (!decodablePath(pathname)) {
    const error = "This address is not valid: a %-escape in it does not stand for text.";
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error }, { status: 400 })
      : new NextResponse(error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();

  const config = serverConfig();
  const policy = pageContentSecurityPolicy(newNonce(), { development: config.nodeEnv === "development" });

  let response: NextResponse;
  if (PUBLIC_PAGES.has(pathname) || (await readSessionToken(req))) {
    const headers = new Headers(req.headers);
    headers.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  }
  response.headers.set("Content-Security-Policy", policy);
  if (config.https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Every page, sign-in included, and the API (for the address check only); not next-auth's own
  // routes nor static assets.
  matcher: ["/((?!api/auth/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

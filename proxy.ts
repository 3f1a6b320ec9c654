import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { serverConfig } from "@/lib/server/env";

/**
 * First gate for pages: anonymous visits go to /login and come back after signing in. Pages check
 * the session again. API routes are not matched: every handler is wrapped by `apiRoute`, which
 * answers 401 itself, so decoding the session twice per API call would only cost time.
 */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const token = await getToken({ req, secret: serverConfig().nextAuthSecret });
  if (token) return NextResponse.next();

  const { pathname, search } = req.nextUrl;
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Every page but sign-in; not the API (see above) nor static assets.
  matcher: ["/((?!login|api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

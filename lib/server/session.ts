import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { readSessionToken, type TokenSource } from "./session-token";
import { activeSession } from "./user-sessions";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: "EDITOR" | "ADMIN";
}

export interface CurrentSession {
  user: SessionUser;
  /** The UserSession row this cookie stands for ("This device" on the profile page). */
  sessionId: string;
}

/**
 * The one check of a session cookie, for pages and routes alike: the JWT must decode, and the
 * session it names must still be on the server's list (lib/server/user-sessions.ts), so a cookie
 * kept after sign-out, "Sign out everywhere", a password change or deactivation is refused at once.
 */
async function sessionOf(source: TokenSource): Promise<CurrentSession | null> {
  const token = await readSessionToken(source);
  if (!token?.id || !token.role || typeof token.sid !== "string") return null;
  if (!(await activeSession(token.sid, token.id))) return null;
  return {
    user: { id: token.id, name: token.name ?? "", email: token.email ?? "", role: token.role },
    sessionId: token.sid,
  };
}

/** For pages: this request's session, checked once per request however many components ask. */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const [headerList, cookieList] = await Promise.all([headers(), cookies()]);
  return sessionOf({ headers: Object.fromEntries(headerList), cookies: cookieList } as unknown as TokenSource);
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For route handlers: the user from the request's session cookie. Decoding the JWT directly is
 * what getServerSession does too, minus the callbacks and cookie handling of a full auth request.
 */
export async function userFromRequest(req: Request): Promise<SessionUser | null> {
  return (await sessionOf(req as unknown as TokenSource))?.user ?? null;
}

import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth";
import { readSessionToken } from "./session-token";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: "EDITOR" | "ADMIN";
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
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
  const token = await readSessionToken(req);
  if (!token?.id || !token.role) return null;
  return { id: token.id, name: token.name ?? "", email: token.email ?? "", role: token.role };
}

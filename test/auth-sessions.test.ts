/**
 * Revocation (lib/server/user-sessions.ts, lib/server/session.ts, lib/server/auth.ts): a session
 * cookie is only good while its row is on the server's list.
 */
import { describe, expect, it, vi } from "vitest";
import { encode, type JWT } from "next-auth/jwt";
import { NextRequest } from "next/server";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length";
});

import { authOptions } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { userFromRequest } from "@/lib/server/session";
import { revokeSessions, sessionsOf, startSession } from "@/lib/server/user-sessions";
import { authenticate, changePassword, deactivateUser } from "@/lib/server/users";
import { createUser, type TestUser } from "./factories";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** Signs in as the credentials route would (authorize, then the jwt callback) and returns the cookie's token. */
async function signIn(user: TestUser, password = user.password): Promise<JWT> {
  const signedIn = await authorize(
    { email: user.email, password },
    { headers: { "user-agent": "Vitest browser", "x-forwarded-for": "192.0.2.1" } },
  );
  if (!signedIn) throw new Error("sign-in refused");
  const token = await authOptions.callbacks!.jwt!({
    token: { name: user.name, email: user.email } as JWT,
    user: signedIn as never,
    account: null,
  });
  return token as JWT;
}

/** A request carrying the token as next-auth's session cookie. */
async function requestWith(token: JWT): Promise<NextRequest> {
  const cookie = await encode({ token, secret: process.env.NEXTAUTH_SECRET! });
  return new NextRequest("http://localhost/api/articles", { headers: { cookie: `next-auth.session-token=${cookie}` } });
}

describe("sessions", () => {
  it("a cookie works until its browser signs out, then not at all, while the user's other session goes on", async () => {
    const editor = await createUser(db, { withPassword: true });
    const [laptop, phone] = [await signIn(editor), await signIn(editor)];
    expect(await userFromRequest(await requestWith(laptop))).toMatchObject({ id: editor.id, email: editor.email });

    await authOptions.events!.signOut!({ token: laptop, session: undefined as never });

    expect(await userFromRequest(await requestWith(laptop))).toBeNull();
    expect(await userFromRequest(await requestWith(phone))).toMatchObject({ id: editor.id });
  });

  it("lists the user's sessions with the browser they came from", async () => {
    const editor = await createUser(db, { withPassword: true });
    const token = await signIn(editor);
    expect(await sessionsOf(editor.id)).toEqual([expect.objectContaining({ id: token.sid, userAgent: "Vitest browser" })]);
  });

  it("refuses a token without a session id (one issued before sessions were listed) and one of another user", async () => {
    const [editor, other] = [await createUser(db, { withPassword: true }), await createUser(db, { withPassword: true })];
    const token = await signIn(editor);
    expect(await userFromRequest(await requestWith({ ...token, sid: undefined } as unknown as JWT))).toBeNull();
    expect(await userFromRequest(await requestWith({ ...token, id: other.id }))).toBeNull();
  });

  it("refuses an expired session", async () => {
    const editor = await createUser(db, { withPassword: true });
    const token = await signIn(editor);
    await db.userSession.update({ where: { id: token.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFromRequest(await requestWith(token))).toBeNull();
  });

  it("marks the session seen at most once a minute", async () => {
    const editor = await createUser(db, { withPassword: true });
    const token = await signIn(editor);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: token.sid }, data: { lastSeenAt: longAgo } });
    await userFromRequest(await requestWith(token));
    const seen = await db.userSession.findUniqueOrThrow({ where: { id: token.sid }, select: { lastSeenAt: true } });
    expect(seen.lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime());
    await userFromRequest(await requestWith(token));
    const again = await db.userSession.findUniqueOrThrow({ where: { id: token.sid }, select: { lastSeenAt: true } });
    expect(again.lastSeenAt).toEqual(seen.lastSeenAt);
  });

  it("revokeSessions ends every session of the user and no one else's", async () => {
    const [editor, colleague] = [await createUser(db, { withPassword: true }), await createUser(db, { withPassword: true })];
    const tokens = [await signIn(editor), await signIn(editor)];
    const theirs = await signIn(colleague);
    expect(await revokeSessions(editor.id)).toBe(2);
    for (const token of tokens) expect(await userFromRequest(await requestWith(token))).toBeNull();
    expect(await userFromRequest(await requestWith(theirs))).toMatchObject({ id: colleague.id });
  });

  it("a password change needs the current password, then ends every session; the new password signs in", async () => {
    const editor = await createUser(db, { withPassword: true });
    const token = await signIn(editor);
    const next = "a brand new passphrase";
    await expect(changePassword(editor.id, "not the password", next)).rejects.toMatchObject({ kind: "invalid" });
    expect(await userFromRequest(await requestWith(token))).not.toBeNull();

    await changePassword(editor.id, editor.password, next);
    expect(await userFromRequest(await requestWith(token))).toBeNull();
    expect(await authenticate({ email: editor.email, password: editor.password })).toBeNull();
    expect(await authenticate({ email: editor.email, password: next })).toMatchObject({ id: editor.id });
  });

  it("a deactivated account is signed out at once and cannot sign in again", async () => {
    const editor = await createUser(db, { withPassword: true });
    const token = await signIn(editor);
    await deactivateUser(editor.id);
    expect(await userFromRequest(await requestWith(token))).toBeNull();
    expect(await authenticate({ email: editor.email, password: editor.password })).toBeNull();
    await expect(signIn(editor)).rejects.toThrow("sign-in refused");
    await expect(deactivateUser("no-such-user")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("a new session clears the user's expired ones", async () => {
    const editor = await createUser(db, { withPassword: true });
    const old = await startSession(editor.id, "old");
    await db.userSession.update({ where: { id: old }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await startSession(editor.id, "new");
    expect(await db.userSession.findMany({ where: { userId: editor.id }, select: { userAgent: true } })).toEqual([{ userAgent: "new" }]);
  });
});

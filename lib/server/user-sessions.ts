import "server-only";
import { db, type Tx } from "./db";

/**
 * The server-side session list (decision 0011). Signing in adds a row whose id goes into the
 * session cookie's JWT; every request checks the row (activeSession); signing out deletes it, and
 * "Sign out everywhere", a password change or deactivation delete all of a user's rows. A copied
 * cookie is then worthless at once, on every instance: the check is not cached.
 */

/** How long a session lasts from sign-in; the JWT's maxAge is the same (lib/server/auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** lastSeenAt is written at most this often per session, so most requests only read. */
const TOUCH_EVERY_MS = 60_000;
const USER_AGENT_MAX = 300;

export interface SessionSummary {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A new session for a user who just signed in; its id is what the JWT carries. */
export async function startSession(userId: string, userAgent: string | null | undefined): Promise<string> {
  const now = Date.now();
  // The user's expired rows go now, so the list does not grow with every sign-in.
  await db.userSession.deleteMany({ where: { userId, expiresAt: { lte: new Date(now) } } });
  const row = await db.userSession.create({
    data: {
      userId,
      userAgent: (userAgent ?? "").slice(0, USER_AGENT_MAX),
      expiresAt: new Date(now + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Whether the session with this id is still on the list, for this user, and not expired: the
 * per-request check, one lookup by primary key.
 */
export async function activeSession(sessionId: string, userId: string): Promise<boolean> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    // The account's deactivation too (one join on its primary key): a sign-in that was under way
    // while an admin deactivated the account must not leave a session that works.
    select: { userId: true, expiresAt: true, lastSeenAt: true, user: { select: { deactivatedAt: true } } },
  });
  const now = Date.now();
  if (!row || row.userId !== userId || row.expiresAt.getTime() <= now || row.user.deactivatedAt) return false;
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    // updateMany: a row deleted meanwhile (sign-out elsewhere) is no error.
    await db.userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return true;
}

/** Sign-out of one browser. */
export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user ("Sign out everywhere"); returns how many there were. */
export async function revokeSessions(userId: string, tx?: Tx): Promise<number> {
  const { count } = await (tx ?? db).userSession.deleteMany({ where: { userId } });
  return count;
}

/** The user's sessions that still count, newest first, for the profile page. */
export async function sessionsOf(userId: string): Promise<SessionSummary[]> {
  return db.userSession.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

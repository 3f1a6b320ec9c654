import "server-only";
import { Problem } from "@/lib/errors";
import { signInSchema } from "@/lib/users/schemas";
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "@/lib/users/password";
import { isRole, type Role } from "@/lib/users/roles";
import { db, writeTransaction } from "./db";
import type { SessionUser } from "./session";
import { revokeSessions } from "./user-sessions";

/**
 * The user these credentials sign in, or null: an unknown email, a wrong password and a
 * deactivated account look the same, and take the same time (the same lookup, then one bcrypt
 * comparison at the same cost). The password hash is read for the check and never leaves here.
 */
export async function authenticate(credentials: unknown): Promise<SessionUser | null> {
  const input = signInSchema.safeParse(credentials);
  if (!input.success) return null;
  const user = await db.user.findUnique({
    where: { email: input.data.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
  const ok = await verifyPassword(input.data.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !ok || user.deactivatedAt || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export interface Profile {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** What the profile page shows of the signed-in user. */
export async function profileOf(userId: string): Promise<Profile> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true } });
  if (!user || !isRole(user.role)) throw new Problem("not_found", "This account no longer exists.");
  return { ...user, role: user.role };
}

/**
 * Sets a new password when the current one is right, and ends every session of the user (this
 * one too: whoever had the old password may be signed in somewhere). Input is already checked by
 * changePasswordSchema.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) throw new Problem("not_found", "This account no longer exists.");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new Problem("invalid", "The current password is not right.", { currentPassword: ["The current password is not right."] });
  }
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    await revokeSessions(userId, tx);
  });
}

/** Deactivates an account: it can no longer sign in, and its sessions end at once. */
export async function deactivateUser(userId: string): Promise<void> {
  await writeTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, deactivatedAt: null }, data: { deactivatedAt: new Date() } });
    if (count === 0 && !(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
      throw new Problem("not_found", "There is no such account.");
    }
    await revokeSessions(userId, tx);
  });
}

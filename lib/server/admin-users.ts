import "server-only";
import { randomInt } from "node:crypto";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { accountChangeRefusal, canManageAccounts } from "@/lib/users/admin";
import type { CreateAccountInput, UpdateAccountInput } from "@/lib/users/admin-schemas";
import { hashPassword } from "@/lib/users/password";
import { roleOf, type Role } from "@/lib/users/roles";
import { db, writeTransaction, type Tx } from "./db";
import type { SessionUser } from "./session";
import { revokeSessions } from "./user-sessions";

/*
 * The desk's accounts, for admins (/admin/users and /api/admin/users). Explicit selects: no
 * password hash ever leaves. Every write that touches several rows (the account and its
 * sessions) is one transaction; changes that could leave the desk without an admin count the
 * active admins inside it, after locking their rows (lockActiveAdmins).
 */

export interface AccountView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** The latest request of any of the account's sessions; null when none is on the list. */
  lastSeenAt: string | null;
}

/** An account and, when Factline made the password, that password: shown to the admin once. */
export interface AccountWithPassword {
  account: AccountView;
  generatedPassword?: string;
}

const accountSelect = { id: true, name: true, email: true, role: true, deactivatedAt: true, createdAt: true } as const;

type AccountRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  deactivatedAt: Date | null;
  createdAt: Date;
};

function toView(row: AccountRow, lastSeenAt: Date | null): AccountView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: roleOf(row.role),
    active: row.deactivatedAt === null,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: lastSeenAt ? lastSeenAt.toISOString() : null,
  };
}

/** 403 for anyone but an admin: the one check every function here starts with. */
export function requireAdmin(user: SessionUser): void {
  if (!canManageAccounts(user.role)) throw new Problem("forbidden", "Only admins manage accounts.");
}

export const accountNotFound = () => new Problem("not_found", "There is no such account.");

/** Every account, by name, with when it was last seen. */
export async function listAccounts(actor: SessionUser): Promise<AccountView[]> {
  requireAdmin(actor);
  const [rows, seen] = await Promise.all([
    db.user.findMany({ select: accountSelect, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.userSession.groupBy({ by: ["userId"], _max: { lastSeenAt: true } }),
  ]);
  const lastSeen = new Map(seen.map((group) => [group.userId, group._max.lastSeenAt]));
  return rows.map((row) => toView(row, lastSeen.get(row.id) ?? null));
}

/** The active editors and admins a claim may be reassigned to, by name (ids and names only). */
export async function activePeople(actor: SessionUser): Promise<Array<{ id: string; name: string }>> {
  requireAdmin(actor);
  return db.user.findMany({
    where: { deactivatedAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

const GENERATED_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GENERATED_LENGTH = 20;

/**
 * A password for the admin to pass on: 20 characters from 56 unambiguous ones (no 0/O, 1/l/I),
 * about 116 bits, drawn with node:crypto's uniform randomInt.
 */
export function generatePassword(): string {
  let password = "";
  for (let i = 0; i < GENERATED_LENGTH; i++) password += GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)];
  return password;
}

const emailTaken = (email: string) =>
  new Problem("conflict", `There is already an account with the email address ${email}.`, {
    email: ["There is already an account with this email address."],
  });

function isUniqueViolation(error: unknown): boolean {
  return !!error && typeof error === "object" && "code" in error && error.code === "P2002";
}

/** A new account; without a typed password, Factline generates one and hands it back once. */
export async function createAccount(actor: SessionUser, input: CreateAccountInput): Promise<AccountWithPassword> {
  requireAdmin(actor);
  // The schema lower-cases emails, as sign-in does: "Erin@x.org" and "erin@x.org" are one address.
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken(input.email);
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  try {
    const row = await db.user.create({
      data: { name: input.name, email: input.email, role: input.role, passwordHash },
      select: accountSelect,
    });
    return { account: toView(row, null), ...(generatedPassword ? { generatedPassword } : {}) };
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

/**
 * Locks the rows of the active admins (an update of nothing but updatedAt) and counts them: two
 * admins demoting each other at once on PostgreSQL then take turns, and the second sees the
 * first's change, so the desk cannot end up with no admin. SQLite runs one write at a time anyway.
 */
async function lockActiveAdmins(tx: Tx): Promise<number> {
  const { count } = await tx.user.updateMany({
    where: { role: "ADMIN", deactivatedAt: null },
    data: { updatedAt: new Date() },
  });
  return count;
}

/**
 * A new role and/or deactivation or reactivation. Deactivating ends the account's sessions at
 * once (decision 0011); so does a new role, because a session carries the role it signed in
 * with: the person signs in again and gets the new one.
 */
export async function updateAccount(actor: SessionUser, id: string, change: UpdateAccountInput): Promise<AccountView> {
  requireAdmin(actor);
  if (!isRecordId(id)) throw accountNotFound();
  const row = await writeTransaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const target = await tx.user.findUnique({ where: { id }, select: accountSelect });
    if (!target) throw accountNotFound();
    const current = { id: target.id, role: roleOf(target.role), active: target.deactivatedAt === null };
    const refusal = accountChangeRefusal(actor.id, current, change, activeAdmins);
    if (refusal) throw new Problem("invalid", refusal);

    const newRole = change.role !== undefined && change.role !== current.role ? change.role : undefined;
    const deactivate = change.active === false && current.active;
    const reactivate = change.active === true && !current.active;
    if (newRole === undefined && !deactivate && !reactivate) return target;
    const updated = await tx.user.update({
      where: { id },
      data: {
        ...(newRole ? { role: newRole } : {}),
        ...(deactivate ? { deactivatedAt: new Date() } : reactivate ? { deactivatedAt: null } : {}),
      },
      select: accountSelect,
    });
    if (newRole || deactivate) await revokeSessions(id, tx);
    return updated;
  });
  return toView(row, await lastSeenOf(id));
}

/** A new password, typed by the admin or generated (then handed back once); every session of the account ends. */
export async function resetPassword(
  actor: SessionUser,
  id: string,
  password: string | undefined,
): Promise<{ generatedPassword?: string }> {
  requireAdmin(actor);
  if (!isRecordId(id)) throw accountNotFound();
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  await writeTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id }, data: { passwordHash } });
    if (count !== 1) throw accountNotFound();
    await revokeSessions(id, tx);
  });
  return generatedPassword ? { generatedPassword } : {};
}

async function lastSeenOf(userId: string): Promise<Date | null> {
  const seen = await db.userSession.aggregate({ where: { userId }, _max: { lastSeenAt: true } });
  return seen._max.lastSeenAt;
}

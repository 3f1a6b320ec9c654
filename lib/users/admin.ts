import type { Role } from "./roles";

/**
 * Who may manage the desk's accounts, and which changes would leave it without an admin. Plain
 * rules: lib/server/admin-users.ts applies them inside the write's transaction (with the active
 * admins counted there), and /admin/users uses them to offer only what the server would allow.
 */

/** Only admins list, add and change accounts. */
export function canManageAccounts(role: Role): boolean {
  return role === "ADMIN";
}

/** An admin may delete or reassign anyone's claim; editors touch only their own. */
export function canOverrideClaims(role: Role): boolean {
  return role === "ADMIN";
}

export interface AccountForRules {
  id: string;
  role: Role;
  active: boolean;
}

export interface AccountChange {
  role?: Role;
  active?: boolean;
}

export const LAST_ADMIN_MESSAGE =
  "At least one active admin must remain: make another account an admin first, then change this one.";

/**
 * Why `actorId` may not make `change` to `target`, or null when the change is allowed.
 * `activeAdmins` counts the active admins now, the target included if it is one.
 * Deactivating oneself is always refused (another admin must do it: whoever deactivates an
 * account must still be able to undo it); demoting oneself is allowed while another active
 * admin remains.
 */
export function accountChangeRefusal(
  actorId: string,
  target: AccountForRules,
  change: AccountChange,
  activeAdmins: number,
): string | null {
  if (change.active === false && target.id === actorId) {
    return "You cannot deactivate your own account: another admin can do it.";
  }
  const losesAdmin = change.active === false || (change.role !== undefined && change.role !== "ADMIN");
  if (target.active && target.role === "ADMIN" && losesAdmin && activeAdmins <= 1) return LAST_ADMIN_MESSAGE;
  return null;
}

/** The claim may be reassigned to this account: it is active and not already the author. */
export function reassignRefusal(claimAuthorId: string, to: { id: string; active: boolean } | null): string | null {
  if (!to) return "There is no such account to reassign the claim to.";
  if (!to.active) return "That account is deactivated: reassign the claim to an active editor.";
  if (to.id === claimAuthorId) return "The claim already belongs to that editor.";
  return null;
}

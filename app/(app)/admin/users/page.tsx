import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AdminUsers } from "@/components/admin/AdminUsers";
import { canManageAccounts } from "@/lib/users/admin";
import { listAccounts } from "@/lib/server/admin-users";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Accounts" };

/** The desk's accounts, for admins; to anyone else there is no such page (404). */
export default async function AdminUsersPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent("/admin/users")}`);
  if (!canManageAccounts(user.role)) notFound();
  const accounts = await listAccounts(user);
  return (
    <div className="admin-users">
      <h1>Accounts</h1>
      <p className="muted">
        Deactivating an account signs it out everywhere at once; its claims keep its name. A new role or password also
        ends the person&apos;s sessions.
      </p>
      <AdminUsers initialAccounts={accounts} currentUserId={user.id} />
    </div>
  );
}

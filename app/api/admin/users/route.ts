import { createAccountSchema } from "@/lib/users/admin-schemas";
import { createAccount, listAccounts, requireAdmin } from "@/lib/server/admin-users";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";

/** The desk's accounts (admins only). */
const onGet = apiRoute(async ({ user }) => json({ accounts: await listAccounts(user) }));

/** A new account; `generatedPassword` is in the answer only when Factline made the password. */
const onPost = apiRoute(async ({ req, user }) => {
  // Editors get 403 before their body is read: what they sent does not matter.
  requireAdmin(user);
  return json(await createAccount(user, await readJson(req, createAccountSchema)), { status: 201 });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

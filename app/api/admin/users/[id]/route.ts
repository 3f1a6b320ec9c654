import { updateAccountSchema } from "@/lib/users/admin-schemas";
import { requireAdmin, updateAccount } from "@/lib/server/admin-users";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";

type Params = { id: string };

/** `{ role?, active? }`: a new role, deactivation (active: false) or reactivation (active: true). */
const onPatch = apiRoute<Params>(async ({ req, user, params }) => {
  requireAdmin(user);
  return json(await updateAccount(user, params.id, await readJson(req, updateAccountSchema)));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ PATCH: onPatch });

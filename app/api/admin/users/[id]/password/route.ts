import { resetPasswordSchema } from "@/lib/users/admin-schemas";
import { requireAdmin, resetPassword } from "@/lib/server/admin-users";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";

type Params = { id: string };

/** `{ password? }`: a new password, typed or (left out) generated and answered once; the account's sessions end. */
const onPost = apiRoute<Params>(async ({ req, user, params }) => {
  requireAdmin(user);
  const input = await readJson(req, resetPasswordSchema);
  return json(await resetPassword(user, params.id, input.password));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

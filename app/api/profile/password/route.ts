import { apiRoute, readJson } from "@/lib/server/api";
import { changePassword } from "@/lib/server/users";
import { changePasswordSchema } from "@/lib/users/schemas";

/** Changes the signed-in user's password; every session ends, so the page signs in again. */
export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, changePasswordSchema);
  await changePassword(user.id, input.currentPassword, input.newPassword);
  return new Response(null, { status: 204 });
});

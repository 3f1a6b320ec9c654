import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { clientAddress } from "@/lib/server/request";
import { signInLimiter } from "@/lib/server/sign-in-limits";
import { tooManyAttempts } from "@/lib/server/sign-in-route";
import { changePassword } from "@/lib/server/users";
import { changePasswordSchema } from "@/lib/users/schemas";

/**
 * Changes the signed-in user's password; every session ends, so the page signs in again. The
 * current password is checked under the same throttle as sign-in: a stolen session must not
 * become a way to guess it at full speed.
 */
const onPost = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, changePasswordSchema);
  const address = clientAddress(req);
  const verdict = await signInLimiter().attempt(user.email, address);
  if (!verdict.allowed) return tooManyAttempts(verdict.retryAfterSeconds);
  await changePassword(user.id, input.currentPassword, input.newPassword);
  await signInLimiter().succeeded(user.email, address);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

import { apiRoute, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { revokeSessions } from "@/lib/server/user-sessions";

/** "Sign out everywhere": ends every session of the signed-in user, this one included. */
const onPost = apiRoute(async ({ user }) => json({ ended: await revokeSessions(user.id) }));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

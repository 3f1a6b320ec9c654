import { apiRoute } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { revokeSessions } from "@/lib/server/user-sessions";

/** "Sign out everywhere": ends every session of the signed-in user, this one included. */
export const POST = apiRoute(async ({ user }) => json({ ended: await revokeSessions(user.id) }));

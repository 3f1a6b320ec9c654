import { preferencesSchema } from "@/lib/users/preferences";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { getPreferences, updatePreferences } from "@/lib/server/preferences";

/** The signed-in user's preferences, kept on the server so they follow them to every browser. */
const onGet = apiRoute(async ({ user }) => json(await getPreferences(user.id)));

const onPatch = apiRoute(async ({ req, user }) => {
  const changes = await readJson(req, preferencesSchema, 4 * 1024);
  return json(await updatePreferences(user.id, changes));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, PATCH: onPatch });

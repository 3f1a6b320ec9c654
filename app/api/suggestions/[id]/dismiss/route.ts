import { dismissSuggestionSchema } from "@/lib/claim-suggestions/schemas";
import { apiRoute, readJson, routeMethods } from "@/lib/server/api";
import { json } from "@/lib/server/json-response";
import { dismissSuggestion, findSuggestion } from "@/lib/server/suggestions";

/** Hides the suggestion for everyone on its article, in this and later revisions. */
const onPost = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const suggestion = await findSuggestion(params.id);
  // No fields: a body, when sent, must be an empty JSON object.
  const declared = req.headers.get("content-length");
  if (declared !== null && declared !== "0") await readJson(req, dismissSuggestionSchema, 1024);
  return json(await dismissSuggestion(user, suggestion));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: onPost });

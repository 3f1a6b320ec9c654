import { revisionFieldsSchema } from "@/lib/articles/revisions";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { readRevisionUpload } from "@/lib/server/article-upload";
import { json } from "@/lib/server/json-response";
import { listRevisions, saveRevision } from "@/lib/server/revisions";
import { scheduleSuggestions } from "@/lib/server/suggestions";

type Params = { id: string };

/** Newest first: number, date, who, note, characters added and removed. */
const onGet = apiRoute<Params>(async ({ params }) => json({ revisions: await listRevisions(params.id) }));

/** The "Edit article" form: the same fields as POST /api/articles, plus `note` and `baseRevision`. */
const onPost = apiRoute<Params>(async ({ req, user, params }) => {
  const { form, meta, content } = await readRevisionUpload(req);
  const fields = revisionFieldsSchema.parse({
    note: form.get("note") ?? undefined,
    baseRevision: form.get("baseRevision") ?? undefined,
  });
  const saved = await saveRevision(user, params.id, { ...fields, meta, content });
  // The new revision's suggestions, in the background: the save is answered at once.
  scheduleSuggestions(params.id);
  return json(saved, { status: 201, headers: { Location: `/articles/${params.id}?revision=${saved.revision}` } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet, POST: onPost });

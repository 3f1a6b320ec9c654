import { z } from "zod";
import { Problem } from "@/lib/errors";
import type { Role } from "@/lib/users/roles";
import { multiLineText } from "@/lib/text/fields";
import { changeCounts, diffTexts, type TextChange } from "./revision-diff";
import type { ArticleMeta } from "./schemas";

/**
 * Article revisions as rules: who may save one, what a new revision must differ in, and what the
 * revision list says of it. Pure: the store reads the article, asks planRevision, writes.
 */

export const NOTE_MAX = 500;

/** The revision-only fields of the edit form, beside the article's details and text. */
export const revisionFieldsSchema = z.object({
  note: multiLineText("The change note")
    .max(NOTE_MAX, `The change note is longer than ${NOTE_MAX} characters: keep it to a line or two.`)
    .default(""),
  // A form sends "" for a field left out.
  baseRevision: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ error: "baseRevision must be a revision number." })
      .int("baseRevision must be a revision number.")
      .min(1, "baseRevision must be a revision number.")
      .optional(),
  ),
});
export type RevisionFields = z.output<typeof revisionFieldsSchema>;

/** The editor who added the article, and admins. Others see no Edit control and get 403. */
export function canEditArticle(user: { id: string; role: Role }, article: { createdById: string }): boolean {
  return user.role === "ADMIN" || article.createdById === user.id;
}

/** A revision as the list shows it (GET /api/articles/{id}/revisions). */
export interface RevisionSummary {
  number: number;
  createdAt: string;
  createdBy: { id: string; name: string };
  note: string;
  charsAdded: number;
  charsRemoved: number;
  current: boolean;
}

export interface CurrentArticle extends ArticleMeta {
  createdById: string;
  revision: number;
  body: string;
  text: string;
}

export interface RevisionPlan {
  number: number;
  charsAdded: number;
  charsRemoved: number;
  /** The diff from the current text: re-anchoring follows it (lib/claims/reanchor.ts). */
  changes: TextChange[];
}

const sameMeta = (a: ArticleMeta, b: ArticleMeta) =>
  (a.title ?? "") === (b.title ?? "") &&
  (a.outlet ?? "") === (b.outlet ?? "") &&
  (a.author ?? "") === (b.author ?? "") &&
  (a.url ?? "") === (b.url ?? "") &&
  (a.publishedAt?.getTime() ?? null) === (b.publishedAt?.getTime() ?? null);

/**
 * What saving this revision means, or the Problem that refuses it: 403 without the right to edit,
 * 409 when the editor started from a revision that is no longer current, 422 when nothing changed.
 */
export function planRevision(
  user: { id: string; role: Role },
  current: CurrentArticle,
  next: { meta: ArticleMeta; body: string; text: string; baseRevision?: number },
): RevisionPlan {
  if (!canEditArticle(user, current)) {
    throw new Problem("forbidden", "Only the editor who added this article, or an admin, can edit it.");
  }
  if (next.baseRevision !== undefined && next.baseRevision !== current.revision) throw staleRevision(current.revision);
  if (next.body === current.body && next.text === current.text && sameMeta(next.meta, current)) {
    throw new Problem(
      "invalid",
      `Nothing changed: this is the same as revision ${current.revision}. Change the text or the details, then save.`,
    );
  }
  const changes = diffTexts(current.text, next.text);
  const counts = changeCounts(changes);
  return { number: current.revision + 1, charsAdded: counts.added, charsRemoved: counts.removed, changes };
}

export function staleRevision(current: number): Problem {
  return new Problem(
    "conflict",
    `Someone saved revision ${current} of this article while you were editing. ` +
      "Open the article again to see their changes, then make yours.",
  );
}

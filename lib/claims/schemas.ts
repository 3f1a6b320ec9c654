import { z } from "zod";
import { httpUrl } from "@/lib/articles/schemas";
import { MAX_INT, recordIdSchema } from "@/lib/ids";
import { listMessage, multiLineText, objectMessages, singleLineText, wellFormedText } from "@/lib/text/fields";
import { MAX_REVIEW_COMMENT, REVIEW_DECISIONS } from "./review";
import { STATUSES } from "./statuses";

const statusSchema = z.enum(STATUSES, { error: `Status must be one of: ${STATUSES.join(", ")}.` });

const offset = z
  .number({ error: "Offsets are whole numbers." })
  .int("Offsets are whole numbers.")
  .min(0, "Offsets cannot be negative.")
  .max(MAX_INT, "The offset lies beyond any article's text.");

const note = multiLineText("The note").max(5000, "The note is longer than 5,000 characters.");

/**
 * POST /api/articles/{id}/annotations: the passage, as the W3C position and quote selectors.
 * The quote is checked against the article's text, so it is only required to be well-formed:
 * cleaning it would make it differ from the text it quotes.
 */
export const createClaimSchema = z
  .object(
    {
      position: z.object({ start: offset, end: offset }, objectMessages("The position")).strict(),
      quote: z
        .object(
          {
            exact: wellFormedText("The quoted passage")
              .min(1, "The quoted passage is empty.")
              .max(5000, "A claim can quote at most 5,000 characters."),
            prefix: wellFormedText("The text before the passage").max(
              200,
              "The text before the passage is longer than 200 characters.",
            ),
            suffix: wellFormedText("The text after the passage").max(
              200,
              "The text after the passage is longer than 200 characters.",
            ),
          },
          objectMessages("The quote"),
        )
        .strict(),
      status: statusSchema.optional(),
      note: note.optional(),
      /** The revision the passage was selected in; the current one when left out. */
      revision: z
        .number({ error: "revision must be a revision number." })
        .int("revision must be a revision number.")
        .min(1, "revision must be a revision number.")
        .max(1_000_000, "revision must be a revision number.")
        .optional(),
    },
    objectMessages("The claim"),
  )
  .strict()
  .refine((value) => value.position.end > value.position.start, {
    message: "The passage must end after it starts.",
    path: ["position"],
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

/** One source: shared by the "Add source" form and the API. */
export const sourceSchema = z
  .object(
    {
      url: httpUrl,
      title: singleLineText("The source title")
        .min(1, "Give the source a title.")
        .max(300, "The source title is longer than 300 characters."),
      publisher: singleLineText("The publisher")
        .max(200, "The publisher is longer than 200 characters.")
        .optional()
        .transform((value) => value || undefined),
      excerpt: multiLineText("The excerpt")
        .trim()
        .max(2000, "The excerpt is longer than 2,000 characters.")
        .optional()
        .transform((value) => value || undefined),
    },
    objectMessages("A source"),
  )
  .strict();
export type SourceInput = z.input<typeof sourceSchema>;

const version = z
  .number({ error: "Send the claim's version (from when you loaded it)." })
  .int("The version is a whole number.")
  .min(1, "Versions start at 1.")
  .max(MAX_INT, "There is no such version: reload the claim.");

/** PATCH /api/annotations/{id}: `version` is the one the editor saw; anything else is optional. */
export const updateClaimSchema = z
  .object(
    {
      version,
      status: statusSchema.optional(),
      note: note.optional(),
      addSources: z
        .array(sourceSchema, { error: listMessage("addSources (the sources to add)") })
        .max(20, "Add at most 20 sources at a time.")
        .optional(),
      removeSourceIds: z
        .array(recordIdSchema("A source to remove is named by its id, as the claim lists it."), {
          error: listMessage("removeSourceIds (the ids of the sources to remove)"),
        })
        .max(50, "Remove at most 50 sources at a time.")
        .optional(),
    },
    objectMessages("The change"),
  )
  .strict();
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/**
 * POST /api/annotations/{id}/anchor: a person's decision on where the claim sits in the current
 * revision. "confirm" takes the passage the engine found; "reattach" the passage at `position`.
 */
export const placeClaimSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ version, decision: z.literal("confirm") }, objectMessages("The decision")).strict(),
    z
      .object(
        {
          version,
          decision: z.literal("reattach"),
          position: z.object({ start: offset, end: offset }, objectMessages("The position")).strict(),
        },
        objectMessages("The decision"),
      )
      .strict(),
  ],
  { error: 'decision is "confirm" or "reattach" (with the position of the passage to attach the claim to).' },
);
export type PlaceClaimInput = z.infer<typeof placeClaimSchema>;

/**
 * POST /api/annotations/{id}/review: a second editor's decision on the version they saw. A return
 * says what to change (the comment is required); an approval may carry a comment.
 */
export const reviewClaimSchema = z
  .object(
    {
      version,
      decision: z.enum(REVIEW_DECISIONS, { error: 'decision is "approve" or "return".' }),
      comment: multiLineText("The comment")
        .trim()
        .max(MAX_REVIEW_COMMENT, "The comment is longer than 2,000 characters.")
        .optional(),
    },
    objectMessages("The review"),
  )
  .strict()
  .refine((value) => value.decision !== "return" || !!value.comment, {
    message: "Say what the author should change: returning a claim needs a comment.",
    path: ["comment"],
  });
export type ReviewClaimInput = z.infer<typeof reviewClaimSchema>;

/** GET /api/articles/{id}/annotations?user=me|{userId}&status=VERIFIED */
export const claimFilterSchema = z.object({
  user: recordIdSchema('Filter by user "me" or by an editor\'s id.').optional(),
  status: statusSchema.optional(),
});
export type ClaimFilter = z.infer<typeof claimFilterSchema>;

/** GET /api/articles/{id}/annotations: the filter, and `since` (a cursor from an earlier answer) for what changed. */
export const claimListQuerySchema = claimFilterSchema.extend({
  since: z.string().optional(),
});

/**
 * DELETE /api/annotations/{id}?version=N: the version the editor saw, as digits (no "1e3",
 * "0x10" or " 1" that Number() would read as some other version). Without it, the delete
 * applies to whatever version is current.
 */
export const deleteClaimQuerySchema = z.object({
  version: z
    .string()
    .regex(/^\d{1,10}$/, "The version is a whole number, as the claim lists it: ?version=3.")
    .transform(Number)
    .pipe(version)
    .optional(),
});

/** POST /api/annotations/{id}/reassign (admins): the version the admin saw, and the new author's id. */
export const reassignClaimSchema = z
  .object(
    {
      version,
      authorId: recordIdSchema("authorId is the id of the editor to give the claim to, as the accounts list names them."),
    },
    objectMessages("The reassignment"),
  )
  .strict();
export type ReassignClaimInput = z.infer<typeof reassignClaimSchema>;

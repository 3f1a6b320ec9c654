import { z } from "zod";
import { httpUrl } from "@/lib/articles/schemas";
import { STATUSES } from "./statuses";

const statusSchema = z.enum(STATUSES, { error: `Status must be one of: ${STATUSES.join(", ")}.` });

const offset = z.number().int("Offsets are whole numbers.").min(0, "Offsets cannot be negative.");

/** POST /api/articles/{id}/annotations: the passage, as the W3C position and quote selectors. */
export const createClaimSchema = z
  .object({
    position: z.object({ start: offset, end: offset }).strict(),
    quote: z
      .object({
        exact: z.string().min(1, "The quoted passage is empty.").max(5000, "A claim can quote at most 5,000 characters."),
        prefix: z.string().max(200),
        suffix: z.string().max(200),
      })
      .strict(),
    status: statusSchema.optional(),
    note: z.string().max(5000, "The note is longer than 5,000 characters.").optional(),
  })
  .strict()
  .refine((value) => value.position.end > value.position.start, {
    message: "The passage must end after it starts.",
    path: ["position"],
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

/** One source: shared by the "Add source" form and the API. */
export const sourceSchema = z
  .object({
    url: httpUrl,
    title: z.string().trim().min(1, "Give the source a title.").max(300, "The source title is longer than 300 characters."),
    publisher: z.string().trim().max(200).optional().transform((value) => value || undefined),
    excerpt: z.string().trim().max(2000, "The excerpt is longer than 2,000 characters.").optional().transform((value) => value || undefined),
  })
  .strict();
export type SourceInput = z.input<typeof sourceSchema>;

/** PATCH /api/annotations/{id}: `version` is the one the editor saw; anything else is optional. */
export const updateClaimSchema = z
  .object({
    version: z.number({ error: "Send the claim's version (from when you loaded it)." }).int().min(1),
    status: statusSchema.optional(),
    note: z.string().max(5000, "The note is longer than 5,000 characters.").optional(),
    addSources: z.array(sourceSchema).max(20, "Add at most 20 sources at a time.").optional(),
    removeSourceIds: z.array(z.string().min(1)).max(50).optional(),
  })
  .strict();
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** GET /api/articles/{id}/annotations?user=me|{userId}&status=VERIFIED */
export const claimFilterSchema = z.object({
  user: z.string().min(1).optional(),
  status: statusSchema.optional(),
});
export type ClaimFilter = z.infer<typeof claimFilterSchema>;

/** GET /api/articles/{id}/annotations: the filter, and `since` (a cursor from an earlier answer) for what changed. */
export const claimListQuerySchema = claimFilterSchema.extend({
  since: z.string().optional(),
});

import { z } from "zod";
import { REVIEW_FILTERS } from "@/lib/claims/filter";
import { STATUSES } from "@/lib/claims/statuses";
import { recordIdSchema } from "@/lib/ids";

export const SEARCH_KINDS = ["article", "claim", "source"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  article: "Articles",
  claim: "Claims",
  source: "Sources",
};

/** Results per page of GET /api/search and /search. */
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages than this are not offered: refine the query instead. */
export const MAX_SEARCH_OFFSET = 1000;
/** Query strings longer than this are refused (a person's query is cut at MAX_QUERY_CHARS). */
const MAX_Q_PARAM = 10_000;

const day = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} is a date as YYYY-MM-DD.`)
    // Date.parse accepts 2026-02-31 (as 3 March): a real date reads back the same.
    .refine((value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
    }, `${name} is not a real date.`);

/**
 * GET /api/search and the /search page's URL: the query and the filters. An empty parameter is
 * the same as a missing one (a form submits its empty fields).
 */
export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .max(MAX_Q_PARAM, `The query is longer than ${MAX_Q_PARAM.toLocaleString("en")} characters.`)
      .default(""),
    kind: z.enum(SEARCH_KINDS, { error: `kind is one of ${SEARCH_KINDS.join(", ")}.` }).optional(),
    status: z.enum(STATUSES, { error: `status is one of ${STATUSES.join(", ")}.` }).optional(),
    review: z.enum(REVIEW_FILTERS, { error: `review is one of ${REVIEW_FILTERS.join(", ")}.` }).optional(),
    editor: z.union([z.literal("me"), recordIdSchema('editor is "me" or an editor\'s id.')]).optional(),
    outlet: z.string().max(200, "outlet is at most 200 characters.").optional(),
    from: day("from").optional(),
    to: day("to").optional(),
    cursor: z
      .string()
      .regex(/^\d{1,4}$/, "cursor is the value a previous page answered; start again without it.")
      .refine((value) => Number(value) <= MAX_SEARCH_OFFSET, "That page is too deep: narrow the search instead.")
      .optional(),
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: "from is after to.",
    path: ["from"],
  });

export type SearchQueryInput = z.infer<typeof searchQuerySchema>;

/** Query parameters with empty values left out (a submitted form sends every field). */
export function withoutEmpty(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined && one !== "") out[key] = one;
  }
  return out;
}

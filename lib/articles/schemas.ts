import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters.`)
    .transform((value) => value || undefined)
    .optional();

export const httpUrl = z
  .string()
  .trim()
  .max(2000, "The link is longer than 2,000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with http:// or https://.");

export const TITLE_MAX = 300;

/** The article's details, shared by the "Add article" form and POST /api/articles. */
export const articleMetaSchema = z.object({
  title: z
    .string({ error: "Give the article a title." })
    .trim()
    .min(1, "Give the article a title.")
    .max(TITLE_MAX, `The title is longer than ${TITLE_MAX} characters: shorten it.`),
  outlet: optionalText(200, "The outlet"),
  author: optionalText(200, "The author"),
  url: z
    .union([z.literal(""), httpUrl])
    .transform((value) => value || undefined)
    .optional(),
  publishedAt: z
    .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the publication date as YYYY-MM-DD.")])
    .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : undefined))
    .refine((value) => value === undefined || !Number.isNaN(value.getTime()), "Enter a real publication date.")
    .optional(),
});
export type ArticleMetaInput = z.input<typeof articleMetaSchema>;
export type ArticleMeta = z.output<typeof articleMetaSchema>;

/** Formats an editor may paste in (an upload's format comes from its file name). */
export const PASTE_FORMATS = ["txt", "md", "html"] as const;
export const pasteFormatSchema = z.enum(PASTE_FORMATS, { error: "Choose plain text, Markdown or HTML." });

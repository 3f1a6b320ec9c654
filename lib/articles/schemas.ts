import { z } from "zod";
import { optionalCalendarDay, singleLineText } from "@/lib/text/fields";

const optionalText = (max: number, label: string) =>
  singleLineText(label)
    .max(max, `${label} is longer than ${max} characters.`)
    .transform((value) => value || undefined)
    .optional();

const LINK_MESSAGE = "Enter a full web address starting with http:// or https://.";
const link = () => singleLineText("The link").max(2000, "The link is longer than 2,000 characters.");

/** Only http(s): javascript:, data:, file: and the like would run or open something else when clicked. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export const httpUrl = link().refine(isHttpUrl, LINK_MESSAGE);

export const TITLE_MAX = 300;

/** The article's details, shared by the "Add article" form and POST /api/articles. */
export const articleMetaSchema = z.object({
  title: singleLineText("The title")
    .min(1, "Give the article a title.")
    .max(TITLE_MAX, `The title is longer than ${TITLE_MAX} characters: shorten it.`),
  outlet: optionalText(200, "The outlet"),
  author: optionalText(200, "The author"),
  url: link()
    .refine((value) => value === "" || isHttpUrl(value), LINK_MESSAGE)
    .transform((value) => value || undefined)
    .optional(),
  publishedAt: optionalCalendarDay("the publication date").optional(),
});
export type ArticleMetaInput = z.input<typeof articleMetaSchema>;
export type ArticleMeta = z.output<typeof articleMetaSchema>;

/** Formats an editor may paste in (an upload's format comes from its file name). */
export const PASTE_FORMATS = ["txt", "md", "html"] as const;
export const pasteFormatSchema = z.enum(PASTE_FORMATS, { error: "Choose plain text, Markdown or HTML." });

import { z } from "zod";
import { cleanMultiLine, cleanSingleLine, codePointLabel, loneSurrogateIndex } from "./characters";

/**
 * zod building blocks for text and dates in write inputs, so every field of every schema gets
 * the same rules (./characters.ts says which and why). `label` starts the messages: "The note",
 * "The source title". Each returns a ZodString, so a schema adds .min/.max as before; those
 * count the cleaned text.
 */

/** Refuses unpaired surrogates (422 with a message); the text is otherwise left exactly as sent. */
export function wellFormedText(label: string) {
  // Only the type check's message: a .max() or .min() without its own message must not read "must be text".
  return z
    .string({
      error: (issue) =>
        issue.code === "invalid_type"
          ? `${label} ${issue.input === undefined ? "is missing" : "must be text"}.`
          : undefined,
    })
    .superRefine((value, ctx) => {
      const at = loneSurrogateIndex(value);
      if (at < 0) return;
      ctx.addIssue({
        code: "custom",
        message:
          `${label} contains a broken character (${codePointLabel(value, at)}, half of a UTF-16 surrogate pair) ` +
          `at character ${at + 1}: retype that part or paste it again from its source.`,
      });
    });
}

/** A title, name, publisher or link: well-formed, then cleaned to one trimmed line (cleanSingleLine). */
export function singleLineText(label: string) {
  return wellFormedText(label).overwrite(cleanSingleLine);
}

/** A note or an excerpt: well-formed, then cleaned (cleanMultiLine); tabs, line breaks and spacing stay. */
export function multiLineText(label: string) {
  return wellFormedText(label).overwrite(cleanMultiLine);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Years a publication date may have: four digits, and none before PostgreSQL's year 1. */
const FIRST_YEAR = 1000;

/** Whether "YYYY-MM-DD" names a day of the calendar (no 30 February, no month 13) from year 1000 on. */
export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls over (2022-02-30 is 2 March): a real day comes back as itself.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An optional day as a form sends it: "" for none, else "YYYY-MM-DD" of a real calendar day,
 * parsed as midnight UTC. `label` is lower case: "the publication date".
 */
export function optionalCalendarDay(label: string) {
  return z
    .string({ error: `Enter ${label} as YYYY-MM-DD.` })
    .superRefine((value, ctx) => {
      if (value === "") return;
      if (!ISO_DAY.test(value)) ctx.addIssue({ code: "custom", message: `Enter ${label} as YYYY-MM-DD.` });
      else if (!isCalendarDay(value)) {
        ctx.addIssue({
          code: "custom",
          message: `${value} is not a real date: enter ${label} as a day of the calendar, YYYY-MM-DD (from year ${FIRST_YEAR} on).`,
        });
      }
    })
    .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : undefined));
}

/**
 * An object in a write input, with messages a person can act on: `label` is missing, is not an
 * object (an array, a string, null), or has a field no schema knows (a typo, or a planted
 * "__proto__" / "constructor"), which strict objects refuse rather than drop.
 */
export function objectMessages(label: string) {
  return {
    error: (issue: { code: string; input?: unknown; keys?: readonly string[] }) => {
      if (issue.code === "invalid_type") {
        return issue.input === undefined
          ? `${label} is missing.`
          : `${label} must be a JSON object ({ … }), not ${describeJson(issue.input)}.`;
      }
      if (issue.code === "unrecognized_keys") {
        const keys = (issue.keys ?? []).map((key) => `"${key}"`).join(", ");
        return `${label} has ${issue.keys?.length === 1 ? "a field" : "fields"} Factline does not know: ${keys}. Remove ${issue.keys?.length === 1 ? "it" : "them"}.`;
      }
      return undefined;
    },
  };
}

/** A list in a write input: the message when it is missing or not a JSON array. */
export function listMessage(label: string) {
  return (issue: { code: string; input?: unknown }) =>
    issue.code === "invalid_type" ? `${label} must be a list ([ … ]), not ${describeJson(issue.input)}.` : undefined;
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : "nothing";
}

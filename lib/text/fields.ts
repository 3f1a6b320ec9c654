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
  return z.string({ error: (issue) => `${label} ${issue.input === undefined ? "is missing" : "must be text"}.` }).superRefine((value, ctx) => {
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
    .string()
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

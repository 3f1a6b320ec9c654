import type { PersonRef } from "@/lib/claims/types";
import type { ClaimStatus } from "@/lib/claims/statuses";

/** Longest quote an accessible name or compact line repeats; the card shows the whole passage. */
export const SHORT_QUOTE_LENGTH = 60;

/** A passage can span paragraphs: names and one-line summaries read better with its whitespace collapsed. */
export function shortQuote(text: string, max = SHORT_QUOTE_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** "You" for the signed-in editor, so one's own work stands out among colleagues'. */
export function displayName(person: PersonRef, currentUserId: string, you = "You"): string {
  return person.id === currentUserId ? you : person.name;
}

/** The server validates source URLs, but the browser must never get a javascript: or data: href from us. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The class suffix shared by badges, swatches and the text highlights (`status-mostly_true`). */
export function statusClass(status: ClaimStatus): string {
  return `status-${status.toLowerCase()}`;
}

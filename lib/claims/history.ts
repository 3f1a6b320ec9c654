import { statusLabel } from "./statuses";

export const EVENT_KINDS = [
  "created",
  "status",
  "note",
  "source_added",
  "source_removed",
  "deleted",
  // Anchoring, on a new revision (the actor saved it) or by a person's decision; `to` is the revision.
  "moved",
  "text_changed",
  "not_placed",
  "confirmed",
  "reattached",
  // An admin gave the claim to another editor; from and to are their names at the time.
  "reassigned",
  // Reviews (lib/claims/review.ts): `to` is the reviewer's comment; "review_superseded" is the
  // author's change that undid the review before it (`from` is the state it undid).
  "approved",
  "returned",
  "review_superseded",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

/** What happened, as the card's history says it after the actor's name. */
export function describeEvent(event: { kind: EventKind; from: string | null; to: string | null }): string {
  switch (event.kind) {
    case "created":
      return "marked this claim";
    case "status":
      return `changed the status from ${statusLabel(event.from ?? "")} to ${statusLabel(event.to ?? "")}`;
    case "note":
      return event.to ? "edited the note" : "cleared the note";
    case "source_added":
      return `added the source “${event.to ?? ""}”`;
    case "source_removed":
      return `removed the source “${event.from ?? ""}”`;
    case "deleted":
      return "deleted this claim";
    case "moved":
      return `saved revision ${event.to ?? ""}, where this claim moved`;
    case "text_changed":
      return `saved revision ${event.to ?? ""}, where the text of this claim changed`;
    case "not_placed":
      return `saved revision ${event.to ?? ""}, where this claim could not be placed`;
    case "confirmed":
      return `confirmed the claim’s passage in revision ${event.to ?? ""}`;
    case "reattached":
      return `re-attached this claim in revision ${event.to ?? ""}`;
    case "reassigned":
      return `reassigned this claim from ${event.from ?? ""} to ${event.to ?? ""}`;
    case "approved":
      return event.to ? `signed off on this claim: “${event.to}”` : "signed off on this claim";
    case "returned":
      return `returned this claim: “${event.to ?? ""}”`;
    case "review_superseded":
      return `changed the claim after it was ${event.from === "returned" ? "returned" : "signed off"}: that review is superseded`;
  }
}

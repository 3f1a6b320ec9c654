import type { TextIndex } from "@/lib/anchoring";
import { offsetsToRange } from "@/lib/anchoring";
import type { PlacedClaim } from "@/lib/claims/placement";
import type { Highlight } from "./claim-highlights";

/**
 * Highlights for the anchored claims: coloured by status, told apart by owner, the active one
 * marked, those whose text changed in the last revision (awaiting confirmation) dashed, and
 * verdicts awaiting a second editor's review dotted above.
 */
export function highlightsFor(
  claims: PlacedClaim[],
  index: TextIndex,
  options: { currentUserId: string; activeId: string | null; flashId: string | null },
): Highlight[] {
  const highlights: Highlight[] = [];
  for (const claim of claims) {
    if (claim.anchor.status !== "anchored") continue;
    const { from, to } = offsetsToRange(index, claim.anchor.start, claim.anchor.end);
    if (from >= to) continue;
    const classes = ["claim-hl", `status-${claim.status.toLowerCase()}`, claim.author.id === options.currentUserId ? "mine" : "theirs"];
    if (claim.anchor.state === "needs_confirmation") classes.push("needs-confirmation");
    // A verdict no second editor has signed off yet: a subtle marker, the status colour stays.
    if (claim.review.state === "awaiting_review") classes.push("awaiting-review");
    if (claim.id === options.activeId) classes.push("is-active");
    if (claim.id === options.flashId) classes.push("is-flashing");
    highlights.push({ id: claim.id, from, to, className: classes.join(" ") });
  }
  return highlights;
}

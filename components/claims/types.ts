import type { ClaimDetails, PersonRef } from "@/lib/claims/types";

/** A card's details as far as they are loaded: `forVersion` is the summary's version they were asked for. */
export interface LoadedDetails {
  forVersion: number;
  claim?: ClaimDetails;
  /** Why the last load failed. */
  error?: string;
}

/** What a card may do to the workspace's claims; the workspace owns the state. */
export interface ClaimActions {
  /** After a successful PATCH, with the server's response. */
  onClaimChanged(claim: ClaimDetails): void;
  onClaimDeleted(id: string): void;
  /** Re-reads one claim: the way out of a 409 conflict or a failed load. */
  onReload(id: string): Promise<void>;
  /** Whether this editor may confirm or re-attach the claim (its author, the article's editor, admins). */
  canPlace(authorId: string): boolean;
  /** Starts re-attaching: the editor then selects a passage and presses Attach here. */
  onReattach(id: string): void;
  /** For admins only: the active accounts a colleague's claim may be reassigned to (null for editors). */
  adminPeople: ReadonlyArray<PersonRef> | null;
  /** A reply was posted or deleted on this page: the claim's live reply count now. */
  onReplyCount(id: string, count: number): void;
}

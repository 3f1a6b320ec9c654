import type { ClaimView } from "@/lib/claims/types";

/** What a card may do to the workspace's claims; the workspace owns the state. */
export interface ClaimActions {
  /** After a successful PATCH, with the server's response. */
  onClaimChanged(claim: ClaimView): void;
  onClaimDeleted(id: string): void;
  /** Re-fetches every claim: the way out of a 409 conflict. */
  onReload(): Promise<void>;
}

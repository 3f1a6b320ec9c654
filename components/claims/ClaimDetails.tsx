import { STATUS_INFO } from "@/lib/claims/statuses";
import type { ClaimDetails as Details } from "@/lib/claims/types";
import { ClaimNote } from "./ClaimNote";
import { SourceList } from "./SourceList";

/** A colleague's claim, expanded: everything they recorded, and nothing to change it with. */
export function ClaimDetails({ claim, currentUserId }: { claim: Details; currentUserId: string }) {
  return (
    <div className="claim-editor">
      <p className="claim-status-line">Status: {STATUS_INFO[claim.status].label}</p>
      <ClaimNote note={claim.note} />
      <div className="claim-section">
        <h3 className="claim-section-title">Sources ({claim.sources.length})</h3>
        <SourceList sources={claim.sources} currentUserId={currentUserId} />
      </div>
    </div>
  );
}

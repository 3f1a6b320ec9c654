import type { PersonRef } from "@/lib/claims/types";
import type { ClaimStatus } from "@/lib/claims/statuses";
import { formatDateTime } from "@/lib/format";
import { StatusBadge } from "./StatusBadge";

/** Status, author ("You" for one's own) and when the claim last changed. */
export function ClaimByline({
  claim,
  currentUserId,
}: {
  claim: { status: ClaimStatus; author: PersonRef; updatedAt: string };
  currentUserId: string;
}) {
  const own = claim.author.id === currentUserId;
  return (
    <p className="claim-byline">
      <StatusBadge status={claim.status} />{" "}
      {own ? (
        <span className="claim-author">You</span>
      ) : (
        <>
          by <span className="claim-author">{claim.author.name}</span>
        </>
      )}
      {" · last changed "}
      <time dateTime={claim.updatedAt}>{formatDateTime(claim.updatedAt)}</time>
    </p>
  );
}

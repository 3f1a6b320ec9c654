import type { Disagreement } from "@/lib/claims/placement";
import { STATUS_INFO } from "@/lib/claims/statuses";

/** Colleagues who rated the same passage differently: worth a conversation before publishing. */
export function DisagreementNotice({ disagreements }: { disagreements: Disagreement[] }) {
  if (disagreements.length === 0) return null;
  return (
    <div role="note" className="claim-disagreement">
      {disagreements.map((disagreement) => (
        <p key={disagreement.claimId}>
          Disagreement: {disagreement.author.name} rated this passage {STATUS_INFO[disagreement.status].label}.
        </p>
      ))}
    </div>
  );
}

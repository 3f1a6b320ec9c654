"use client";

import { STATUS_INFO, statusRuleViolation } from "@/lib/claims/statuses";
import type { UpdateClaimInput } from "@/lib/claims/schemas";
import type { ClaimDetails, SourceView } from "@/lib/claims/types";
import { patchClaim, removeClaim } from "./api";
import { DeleteClaim } from "./DeleteClaim";
import { NoteEditor } from "./NoteEditor";
import { RequestProblemAlert } from "./RequestProblemAlert";
import { SourcesEditor } from "./SourcesEditor";
import { StatusField } from "./StatusField";
import type { ClaimActions } from "./types";
import { useClaimRequest } from "./useClaimRequest";

interface Props extends ClaimActions {
  claim: ClaimDetails;
  currentUserId: string;
}

/** The expanded card of one's own claim: status, note, sources and delete, each saved at once. */
export function OwnClaimEditor({ claim, currentUserId, onClaimChanged, onClaimDeleted, onReload }: Props) {
  const request = useClaimRequest();

  // Every change carries the version the editor saw, so a colleague's change in between is a 409, not lost.
  const update = (changes: Omit<UpdateClaimInput, "version">, success: string) =>
    request.run(() => patchClaim(claim.id, { version: claim.version, ...changes }), onClaimChanged, success);

  function removeSource(source: SourceView) {
    // The server refuses this too; saying so here spares a round trip and explains what to do.
    if (statusRuleViolation(claim.status, claim.sources.length - 1)) {
      request.report(
        `A claim marked ${STATUS_INFO[claim.status].label} needs at least one source. Change its status before removing the last source.`,
      );
      return;
    }
    void update({ removeSourceIds: [source.id] }, `Removed the source ${source.title}.`);
  }

  return (
    <div className="claim-editor">
      <RequestProblemAlert problem={request.problem} onReload={() => onReload(claim.id)} onReloaded={request.clear} />
      <p className="claims-sr-only" aria-live="polite">
        {request.notice}
      </p>
      <StatusField
        status={claim.status}
        sourceCount={claim.sources.length}
        busy={request.busy}
        onChange={(status) => update({ status }, `Status changed to ${STATUS_INFO[status].label}.`)}
        onRefused={(message) => request.report(message)}
      />
      <NoteEditor note={claim.note} busy={request.busy} onSave={(note) => update({ note }, "Note saved.")} />
      <SourcesEditor
        sources={claim.sources}
        currentUserId={currentUserId}
        busy={request.busy}
        onAdd={(source) => update({ addSources: [source] }, `Added the source ${source.title}.`)}
        onRemove={removeSource}
      />
      <div className="claim-section">
        <DeleteClaim
          busy={request.busy}
          onDelete={() =>
            void request.run(
              () => removeClaim(claim.id, claim.version),
              () => onClaimDeleted(claim.id),
            )
          }
        />
      </div>
    </div>
  );
}

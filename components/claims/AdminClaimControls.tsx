"use client";

import { useId, useState } from "react";
import type { ClaimDetails, PersonRef } from "@/lib/claims/types";
import { reassignClaimTo, removeClaim } from "./api";
import { DeleteClaim } from "./DeleteClaim";
import { RequestProblemAlert } from "./RequestProblemAlert";
import type { ClaimActions } from "./types";
import { useClaimRequest } from "./useClaimRequest";

interface Props extends Pick<ClaimActions, "onClaimChanged" | "onClaimDeleted" | "onReload"> {
  claim: ClaimDetails;
  /** The active accounts a claim may go to (admins only are given them). */
  people: ReadonlyArray<PersonRef>;
}

/**
 * On a colleague's claim, for admins: "Reassign to…" another active editor, and "Delete claim".
 * Both are recorded in the claim's History under the admin's name.
 */
export function AdminClaimControls({ claim, people, onClaimChanged, onClaimDeleted, onReload }: Props) {
  const selectId = useId();
  const request = useClaimRequest();
  const others = people.filter((person) => person.id !== claim.author.id);
  const [to, setTo] = useState("");

  return (
    <div className="claim-section claim-admin" role="group" aria-label="Admin">
      <RequestProblemAlert problem={request.problem} onReload={() => onReload(claim.id)} onReloaded={request.clear} />
      <p className="claims-sr-only" aria-live="polite">
        {request.notice}
      </p>
      <h3 className="claim-section-title">Admin</h3>
      {others.length > 0 && (
        <div className="claim-reassign">
          <label htmlFor={selectId}>Reassign to…</label>
          <select id={selectId} value={to} onChange={(event) => setTo(event.target.value)} disabled={request.busy}>
            <option value="">Choose an editor</option>
            {others.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={request.busy || !to}
            onClick={() => {
              const name = others.find((person) => person.id === to)?.name ?? "";
              void request.run(
                () => reassignClaimTo(claim.id, { version: claim.version, authorId: to }),
                (changed) => {
                  setTo("");
                  onClaimChanged(changed);
                },
                `The claim now belongs to ${name}.`,
              );
            }}
          >
            Reassign
          </button>
        </div>
      )}
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
  );
}

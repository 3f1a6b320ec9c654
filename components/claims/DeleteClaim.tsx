"use client";

import { useId, useState } from "react";
import { useReturnFocus } from "./useReturnFocus";

interface Props {
  busy: boolean;
  onDelete(): void;
}

/** "Delete claim", confirmed inline: a dialog would be heavier than the question deserves. */
export function DeleteClaim({ busy, onDelete }: Props) {
  const promptId = useId();
  const [confirming, setConfirming] = useState(false);
  const deleteButtonRef = useReturnFocus<HTMLButtonElement>(confirming);

  if (!confirming) {
    return (
      <button
        ref={deleteButtonRef}
        type="button"
        className="danger"
        onClick={() => setConfirming(true)}
        disabled={busy}
      >
        Delete claim
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={promptId} className="claim-confirm">
      <span id={promptId}>Delete this claim?</span>
      <button type="button" className="danger" onClick={onDelete} disabled={busy}>
        Delete
      </button>
      {/* Focus starts on the safe answer: a second Enter must not delete the claim. */}
      <button type="button" onClick={() => setConfirming(false)} disabled={busy} autoFocus>
        Keep
      </button>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import type { RequestProblem } from "./useClaimRequest";

interface Props {
  problem: RequestProblem | null;
  onReload(): Promise<void>;
  /** Called once the reload finished: the message no longer applies to the fresh claim. */
  onReloaded(): void;
}

/** A refused action's message, inside the card; on a conflict, the way out (reload). */
export function RequestProblemAlert({ problem, onReload, onReloaded }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [reloading, setReloading] = useState(false);
  const seq = problem?.seq;

  // The action may sit further down the card than the message: bring the message into view.
  useEffect(() => {
    if (seq !== undefined) ref.current?.scrollIntoView({ block: "nearest" });
  }, [seq]);

  if (!problem) return null;

  async function reload() {
    // The button goes away with the message: keep focus in the card rather than drop it to <body>.
    const card = ref.current?.closest<HTMLElement>("article[tabindex]");
    setReloading(true);
    try {
      await onReload();
      card?.focus();
      onReloaded();
    } finally {
      setReloading(false);
    }
  }

  return (
    <div ref={ref} key={problem.seq} className="form-error claim-problem" role="alert">
      <p>{problem.message}</p>
      {problem.conflict && (
        <button type="button" onClick={reload} disabled={reloading}>
          {reloading ? "Reloading…" : "Reload this claim"}
        </button>
      )}
    </div>
  );
}

"use client";

import { useId, useState } from "react";
import { STATUSES, STATUS_INFO, statusRuleViolation, type ClaimStatus } from "@/lib/claims/statuses";
import { StatusSwatch } from "./StatusBadge";

interface Props {
  status: ClaimStatus;
  sourceCount: number;
  busy: boolean;
  /** Saves the new status; resolves when the server answered. */
  onChange(status: ClaimStatus): Promise<unknown>;
  /** The status is not allowed yet (a verdict without a source): nothing was sent. */
  onRefused(message: string): void;
}

/** The claim's verdict as radio buttons: choosing one saves it at once. */
export function StatusField({ status, sourceCount, busy, onChange, onRefused }: Props) {
  const id = useId();
  // Shown as chosen while the server decides, so the radio does not jump back and forth.
  const [pending, setPending] = useState<ClaimStatus | null>(null);
  const shown = pending ?? status;

  async function choose(next: ClaimStatus) {
    if (next === status) return;
    const violation = statusRuleViolation(next, sourceCount);
    if (violation) {
      onRefused(violation);
      return;
    }
    setPending(next);
    try {
      await onChange(next);
    } finally {
      setPending(null);
    }
  }

  return (
    <fieldset className="claim-status-field" disabled={busy}>
      <legend>Status</legend>
      {STATUSES.map((option) => {
        const info = STATUS_INFO[option];
        const inputId = `${id}-${option}`;
        const hintId = `${inputId}-hint`;
        return (
          <div className="status-option" key={option}>
            <input
              type="radio"
              id={inputId}
              name={`${id}-status`}
              value={option}
              checked={shown === option}
              onChange={() => void choose(option)}
              aria-describedby={hintId}
            />
            <label htmlFor={inputId}>
              <StatusSwatch status={option} />
              {info.label}
            </label>
            <span id={hintId} className="hint">
              {info.description}
              {info.needsSource && sourceCount === 0 ? " · needs a source first" : ""}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

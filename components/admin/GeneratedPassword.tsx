"use client";

import { useState } from "react";

interface Props {
  /** Whose password it is, and the password: shown here once, never stored in the page. */
  shown: { name: string; password: string } | null;
  onDismiss(): void;
}

/**
 * A password Factline generated, shown once in a polite live region (screen readers hear it
 * without losing their place), with a copy button. Dismissing it forgets it.
 */
export function GeneratedPassword({ shown, onDismiss }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" aria-live="polite" className={shown ? "notice generated-password" : undefined}>
      {shown && (
        <>
          <p>
            New password for {shown.name}: <code className="password-value">{shown.password}</code>
          </p>
          <p className="muted">
            Shown only this once: pass it on to them now. They can change it on their profile page.
          </p>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(shown.password).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? "Copied" : "Copy password"}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setCopied(false);
              onDismiss();
            }}
          >
            Done
          </button>
        </>
      )}
    </div>
  );
}

"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { loginWithNotice } from "@/lib/users/notices";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    const response = await fetch("/api/profile/sign-out-everywhere", { method: "POST" }).catch(() => null);
    if (response?.ok) {
      // Every session is gone on the server; this also clears this browser's cookie.
      await signOut({ callbackUrl: loginWithNotice("signed-out-everywhere") });
      return;
    }
    setPending(false);
    const body: unknown = await response?.json().catch(() => null);
    setError(
      body && typeof body === "object" && "error" in body && typeof body.error === "string"
        ? body.error
        : "The sessions could not be ended. Try again.",
    );
  }

  return (
    <>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="danger" onClick={onClick} disabled={pending}>
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
    </>
  );
}

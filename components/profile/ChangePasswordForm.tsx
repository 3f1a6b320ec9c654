"use client";

import { useState, type FormEvent } from "react";
import { signOut } from "next-auth/react";
import { loginWithNotice } from "@/lib/users/notices";
import { changePasswordSchema, MIN_PASSWORD_LENGTH } from "@/lib/users/schemas";

type FieldErrors = Partial<Record<"currentPassword" | "newPassword", string>>;

export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") };
    // The route's own schema: a too-short password is refused before anything is sent.
    const input = changePasswordSchema.safeParse(raw);
    if (!input.success) {
      setFieldErrors(Object.fromEntries(input.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      setError(null);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    const response = await fetch("/api/profile/password", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input.data),
    }).catch(() => null);
    if (response?.ok) {
      await signOut({ callbackUrl: loginWithNotice("password-changed") });
      return;
    }
    setPending(false);
    const body = (await response?.json().catch(() => null)) as { error?: unknown; details?: Record<string, string[]> } | null;
    if (body?.details) setFieldErrors(Object.fromEntries(Object.entries(body.details).map(([key, messages]) => [key, messages[0] ?? ""])));
    setError(typeof body?.error === "string" ? body.error : "The password could not be changed. Try again.");
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <PasswordField name="currentPassword" label="Current password" autoComplete="current-password" error={fieldErrors.currentPassword} />
      <PasswordField
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Changing it signs you out on every device.`}
        error={fieldErrors.newPassword}
      />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}

function PasswordField(props: { name: string; label: string; autoComplete: string; hint?: string; error?: string }) {
  const hintId = `${props.name}-hint`;
  const errorId = `${props.name}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={props.name}
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        required
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.error && (
        <p className="error-text" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

"use client";

import { useId, useState, type FormEvent } from "react";
import { createAccountSchema } from "@/lib/users/admin-schemas";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/schemas";
import { addAccount, type Account } from "./api";

type Field = "name" | "email" | "role" | "password";

interface Props {
  onAdded(account: Account, generatedPassword: string | undefined): void;
}

/** "Add editor": name, email, role, and a password the admin types or Factline generates. */
export function AddAccountForm({ onAdded }: Props) {
  const id = useId();
  const [mode, setMode] = useState<"generate" | "set">("generate");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const raw = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? "EDITOR"),
      ...(mode === "set" ? { password: String(form.get("password") ?? "") } : {}),
    };
    // The route's own schema, so the form refuses what the server would.
    const input = createAccountSchema.safeParse(raw);
    if (mode === "set" && raw.password === "") {
      setFieldErrors({
        password: `Type a password of at least ${MIN_PASSWORD_LENGTH} characters, or choose Generate one.`,
      });
      return;
    }
    if (!input.success) {
      setFieldErrors(Object.fromEntries(input.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      setError(null);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    const result = await addAccount(input.data);
    setPending(false);
    if (!result.ok) {
      if (result.details)
        setFieldErrors(Object.fromEntries(Object.entries(result.details).map(([key, messages]) => [key, messages[0]])));
      setError(result.message);
      return;
    }
    formElement.reset();
    setMode("generate");
    onAdded(result.value.account, result.value.generatedPassword);
  }

  const field = (name: Field) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `${id}-${name}-error` : undefined,
  });
  const fieldError = (name: Field) =>
    fieldErrors[name] && (
      <p className="error-text" id={`${id}-${name}-error`}>
        {fieldErrors[name]}
      </p>
    );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add editor</h2>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input {...field("name")} type="text" autoComplete="off" required />
          {fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input {...field("email")} type="email" autoComplete="off" required />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select {...field("role")} defaultValue="EDITOR">
            <option value="EDITOR">Editor</option>
            <option value="ADMIN">Admin</option>
          </select>
          {fieldError("role")}
        </div>
      </div>
      <fieldset className="field password-choice">
        <legend>Initial password</legend>
        <label>
          <input type="radio" name="passwordMode" checked={mode === "generate"} onChange={() => setMode("generate")} />{" "}
          Generate one
        </label>
        <label>
          <input type="radio" name="passwordMode" checked={mode === "set"} onChange={() => setMode("set")} /> Set a
          password
        </label>
        {mode === "set" && (
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <p className="hint">At least {MIN_PASSWORD_LENGTH} characters.</p>
            <input {...field("password")} type="password" autoComplete="new-password" />
            {fieldError("password")}
          </div>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Adding…" : "Add editor"}
      </button>
    </form>
  );
}

"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { formatDateTime } from "@/lib/format";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/schemas";
import { resetPasswordSchema } from "@/lib/users/admin-schemas";
import { changeAccount, resetAccountPassword, type Account, type AdminResult } from "./api";

interface Props {
  account: Account;
  currentUserId: string;
  onChanged(account: Account, notice: string): void;
  onPassword(name: string, password: string | undefined): void;
  onProblem(message: string): void;
}

/** One account: its role select, Deactivate/Reactivate and Reset password. */
export function AccountRow({ account, currentUserId, onChanged, onPassword, onProblem }: Props) {
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | null>(null);
  const self = account.id === currentUserId;
  const fieldId = `reset-${account.id}`;

  async function run<T>(request: () => Promise<AdminResult<T>>, onOk: (value: T) => void) {
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (!result.ok) onProblem(result.message);
    else onOk(result.value);
  }

  function changeRole(role: Account["role"]) {
    void run(
      () => changeAccount(account.id, { role }),
      async (updated) => {
        // A new role ends the person's sessions (they sign in again with it): mine too.
        if (self) await signOut({ callbackUrl: "/login" });
        else
          onChanged(
            updated,
            `${account.name} is now ${role === "ADMIN" ? "an admin" : "an editor"}; their sessions ended.`,
          );
      },
    );
  }

  function setActive(active: boolean) {
    void run(
      () => changeAccount(account.id, { active }),
      (updated) =>
        onChanged(
          updated,
          active
            ? `${account.name} can sign in again.`
            : `${account.name} is deactivated: signed out everywhere, and can no longer sign in.`,
        ),
    );
  }

  function reset() {
    const input = resetPasswordSchema.safeParse(typed ? { password: typed } : {});
    if (!input.success) {
      setTypedError(input.error.issues[0]?.message ?? "Check the password.");
      return;
    }
    setTypedError(null);
    void run(
      () => resetAccountPassword(account.id, input.data.password),
      (answer) => {
        setResetting(false);
        setTyped("");
        onPassword(account.name, answer.generatedPassword);
      },
    );
  }

  return (
    <tr className={account.active ? undefined : "is-deactivated"}>
      <th scope="row">
        {account.name}
        {self && <span className="tag">You</span>}
      </th>
      <td>{account.email}</td>
      <td>
        <select
          aria-label={`Role of ${account.name}`}
          value={account.role}
          disabled={busy}
          onChange={(event) => changeRole(event.target.value as Account["role"])}
        >
          <option value="EDITOR">Editor</option>
          <option value="ADMIN">Admin</option>
        </select>
      </td>
      <td>{account.active ? "Active" : "Deactivated"}</td>
      <td>{formatDateTime(account.createdAt)}</td>
      <td>{account.lastSeenAt ? formatDateTime(account.lastSeenAt) : "—"}</td>
      <td>
        <div className="account-actions">
          {account.active ? (
            !self && (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => setActive(false)}
                aria-label={`Deactivate ${account.name}`}
              >
                Deactivate
              </button>
            )
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => setActive(true)}
              aria-label={`Reactivate ${account.name}`}
            >
              Reactivate
            </button>
          )}
          {!resetting ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => setResetting(true)}
              aria-label={`Reset password of ${account.name}`}
            >
              Reset password
            </button>
          ) : (
            <div role="group" aria-label={`New password for ${account.name}`} className="reset-password">
              <label htmlFor={fieldId}>New password (leave empty to generate one)</label>
              <input
                id={fieldId}
                type="password"
                autoComplete="new-password"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                aria-invalid={typedError ? true : undefined}
                aria-describedby={typedError ? `${fieldId}-error` : undefined}
                minLength={MIN_PASSWORD_LENGTH}
              />
              {typedError && (
                <p className="error-text" id={`${fieldId}-error`}>
                  {typedError}
                </p>
              )}
              <button type="button" className="primary" disabled={busy} onClick={reset}>
                Reset
              </button>
              <button type="button" disabled={busy} onClick={() => setResetting(false)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      </td>
    </tr>
  );
}

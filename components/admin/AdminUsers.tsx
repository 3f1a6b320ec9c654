"use client";

import { useState } from "react";
import { AccountRow } from "./AccountRow";
import { AddAccountForm } from "./AddAccountForm";
import { GeneratedPassword } from "./GeneratedPassword";
import type { Account } from "./api";

interface Props {
  initialAccounts: Account[];
  currentUserId: string;
}

/** /admin/users: the accounts table and the Add editor form; owns the list and what to announce. */
export function AdminUsers({ initialAccounts, currentUserId }: Props) {
  const [accounts, setAccounts] = useState(initialAccounts);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const [notice, setNotice] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function replace(account: Account, message: string) {
    setAccounts((list) => list.map((row) => (row.id === account.id ? account : row)));
    setProblem(null);
    setNotice(message);
  }

  function passwordSet(name: string, password: string | undefined) {
    setProblem(null);
    if (password) setShown({ name, password });
    else setNotice(`${name}'s password was changed; their sessions ended.`);
  }

  return (
    <>
      <GeneratedPassword shown={shown} onDismiss={() => setShown(null)} />
      <p className="claims-sr-only" aria-live="polite">
        {notice}
      </p>
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      <section className="card" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        <div className="table-scroll">
          <table className="sessions accounts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last seen</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  currentUserId={currentUserId}
                  onChanged={replace}
                  onPassword={passwordSet}
                  onProblem={(message) => {
                    setNotice("");
                    setProblem(message);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <AddAccountForm
          onAdded={(account, password) => {
            setAccounts((list) => [...list, account].sort((a, b) => a.name.localeCompare(b.name)));
            setProblem(null);
            setNotice(`Added ${account.name}.`);
            if (password) setShown({ name: account.name, password });
          }}
        />
      </section>
    </>
  );
}

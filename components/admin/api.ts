import type { CreateAccountInput, UpdateAccountInput } from "@/lib/users/admin-schemas";

/** The browser's side of /api/admin/users. Errors come back as values with the server's message. */
export type AdminResult<T> =
  { ok: true; value: T } | { ok: false; status: number; message: string; details?: Record<string, string[]> };

/** An account as the list answers it (lib/server/admin-users.ts AccountView). */
export interface Account {
  id: string;
  name: string;
  email: string;
  role: "EDITOR" | "ADMIN";
  active: boolean;
  createdAt: string;
  lastSeenAt: string | null;
}

async function call<T>(url: string, method: string, body: unknown): Promise<AdminResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "The network failed. Check your connection and try again." };
  }
  const answer = (await response.json().catch(() => null)) as {
    error?: unknown;
    details?: Record<string, string[]>;
  } | null;
  if (response.ok) return { ok: true, value: answer as T };
  return {
    ok: false,
    status: response.status,
    message: typeof answer?.error === "string" ? answer.error : `The server answered ${response.status}. Try again.`,
    ...(answer?.details ? { details: answer.details } : {}),
  };
}

const userUrl = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const addAccount = (input: CreateAccountInput) =>
  call<{ account: Account; generatedPassword?: string }>("/api/admin/users", "POST", input);

export const changeAccount = (id: string, change: UpdateAccountInput) => call<Account>(userUrl(id), "PATCH", change);

export const resetAccountPassword = (id: string, password: string | undefined) =>
  call<{ generatedPassword?: string }>(`${userUrl(id)}/password`, "POST", password ? { password } : {});

/**
 * The sign-in throttle's rules (issue 8): how many failed sign-ins an account and a client address
 * may have in one window, and what a person is told when they reach the limit. The counting itself
 * lives in the database (lib/server/sign-in-limits.ts), so every instance enforces one limit.
 */

/** One window of counting, from the first failure of an account or address. */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins per account (by email, whether or not it has an account) per window. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failed sign-ins per client address per window: higher, since a newsroom may share one address. */
export const ADDRESS_FAILURE_LIMIT = 100;

/**
 * The account's counter key: the email as the sign-in schema normalises it (trimmed, lower case),
 * so "Editor@X" and "editor@x " share a counter. Unknown emails are keyed the same way, so the
 * limiter answers alike for accounts that exist and ones that do not.
 */
export function accountKeyOf(email: unknown): string {
  return (typeof email === "string" ? email : "").trim().toLowerCase().slice(0, 320);
}

/** Whole minutes until the next attempt is allowed, never less than one. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = minutesToWait(retryAfterSeconds);
  return `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

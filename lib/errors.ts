/**
 * Errors that carry a message a person can act on. Domain code throws them; the API wrapper turns
 * each kind into its HTTP status, so lib/ never speaks HTTP.
 */
export type ProblemKind =
  | "malformed" // 400: the request cannot be read at all
  | "unauthenticated" // 401
  | "forbidden" // 403: not yours
  | "not_found" // 404
  | "conflict" // 409: changed by someone else since you loaded it
  | "too_large" // 413
  | "invalid" // 422: readable, but breaks a rule
  | "too_many" // 429: past a limit of this person's (see retryAfterSeconds)
  | "busy"; // 503: the server cannot take this now; try again later (see retryAfterSeconds)

export class Problem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly details?: Record<string, string[]>,
    /** When to try again, sent as Retry-After. */
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "Problem";
  }
}

export const STATUS_OF: Record<ProblemKind, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  too_many: 429,
  busy: 503,
};

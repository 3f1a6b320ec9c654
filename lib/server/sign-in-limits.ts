import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  SIGN_IN_WINDOW_SECONDS,
  accountKeyOf,
} from "@/lib/users/sign-in-limits";
import { db } from "./db";

/** A sign-in may go ahead, or must wait this many seconds. */
export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInLimiter {
  /**
   * Counts an attempt against the account and the address before the password is checked, so
   * that parallel guesses are all counted (one atomic upsert each); refused once either is over
   * its limit, whatever the password.
   */
  attempt(email: unknown, address: string): Promise<SignInVerdict>;
  /** A successful sign-in: the account starts afresh, and the attempt is not held against the address. */
  succeeded(email: unknown, address: string): Promise<void>;
}

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

const DEFAULT_LIMITS: SignInLimits = {
  perAccount: ACCOUNT_FAILURE_LIMIT,
  perAddress: ADDRESS_FAILURE_LIMIT,
  windowSeconds: SIGN_IN_WINDOW_SECONDS,
};

/**
 * What RateLimiterPrisma needs of a client: the `rateLimit` model's delegate (model RateLimit).
 * The app's `db` or a plain client of either provider (tests use one as a second instance).
 */
type StoreClient = { rateLimit: object };

/**
 * The throttle on rate-limiter-flexible's Prisma store: counters are rows of RateLimit in the
 * app's database, incremented by a native upsert (INSERT … ON CONFLICT DO UPDATE on both SQLite
 * and PostgreSQL), so instances sharing a database share the counts (decision 0011). Account
 * and address counters are both touched on every attempt, known email or not, so the database work
 * does not tell the two apart.
 */
export function createSignInLimiter(client: StoreClient = db, limits: SignInLimits = DEFAULT_LIMITS): SignInLimiter {
  const store = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({ storeClient: client, tableName: "rateLimit", keyPrefix, points, duration: limits.windowSeconds });
  const accounts = store("sign-in:account", limits.perAccount);
  const addresses = store("sign-in:address", limits.perAddress);

  return {
    async attempt(email, address) {
      // One after the other: on SQLite they queue anyway, and the order keeps the work identical.
      const account = await msToWait(accounts, accountKeyOf(email));
      const fromAddress = await msToWait(addresses, address);
      const wait = Math.max(account, fromAddress);
      return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
    },
    async succeeded(email, address) {
      await accounts.delete(accountKeyOf(email));
      await addresses.reward(address, 1);
    },
  };
}

/** Consumes one point; 0 when still within the limit, else the milliseconds until the window ends. */
async function msToWait(limiter: RateLimiterPrisma, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (outcome) {
    // The limiter rejects with its result when over the limit, and with an Error when the store fails.
    if (outcome instanceof RateLimiterRes) return Math.max(outcome.msBeforeNext, 1000);
    throw outcome;
  }
}

let shared: SignInLimiter | undefined;

/** The app's throttle, made on first use. */
export function signInLimiter(): SignInLimiter {
  return (shared ??= createSignInLimiter());
}

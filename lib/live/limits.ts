/*
 * How many live streams one instance holds (decision 0018). Figures from `npm run bench:live`:
 * see bench/README.md. Per user, so one person's forgotten tabs cannot take everyone's places.
 */
export const LIVE_LIMITS = {
  /** Streams one person may hold on one instance (tabs of articles, the inbox, other pages). */
  perUser: 12,
  /** Streams one instance holds in all. */
  perInstance: 2000,
  /** A stream whose client does not read is closed when this much waits for it (it reconnects). */
  maxBufferedBytes: 256 * 1024,
  /** Comment lines keep proxies from closing an idle stream. */
  heartbeatMs: 15_000,
  /** Each instance re-announces who reads what this often; a silent instance's readers expire. */
  presenceBeatMs: 10_000,
  presenceTtlMs: 25_000,
  /** The browser waits this long before reconnecting after a close (SSE `retry:`). */
  retryMs: 1_000,
} as const;

export type LimitRefusal = { kind: "user"; limit: number } | { kind: "instance"; limit: number };

/** Counts streams by user; `admit` refuses past the caps (plain data, unit-tested). */
export class ConnectionCounter {
  private readonly byUser = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { perUser: number; perInstance: number } = LIVE_LIMITS) {}

  admit(userId: string): LimitRefusal | null {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) return { kind: "user", limit: this.limits.perUser };
    if (this.total >= this.limits.perInstance) return { kind: "instance", limit: this.limits.perInstance };
    this.byUser.set(userId, mine + 1);
    this.total++;
    return null;
  }

  release(userId: string): void {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine <= 0) return;
    if (mine === 1) this.byUser.delete(userId);
    else this.byUser.set(userId, mine - 1);
    this.total--;
  }

  count(userId?: string): number {
    return userId === undefined ? this.total : (this.byUser.get(userId) ?? 0);
  }
}

export function refusalMessage(refusal: LimitRefusal): string {
  return refusal.kind === "user"
    ? `You have ${refusal.limit} Factline pages open with live updates. Close some tabs, then reload this one.`
    : "Factline is serving as many live pages as it can. Live updates will resume shortly.";
}

import "server-only";
import { randomUUID } from "node:crypto";
import { Problem } from "@/lib/errors";
import { SSE_HEARTBEAT, formatSse, publicChange, type LiveActor, type LiveChange } from "@/lib/live/events";
import { ConnectionCounter, LIVE_LIMITS, refusalMessage } from "@/lib/live/limits";
import { PresenceBook } from "@/lib/live/presence";
import { db } from "./db";
import { claimSeqOf } from "./claim-feed";
import { publishPresence, subscribeBus, type BusMessage } from "./live-bus";
import { isStopping, onStop } from "./shutdown";
import type { SessionUser } from "./session";

/*
 * This instance's open event streams (decision 0018): one per page. An article page's stream
 * gets the article's changes (pointers into its change feed), who else is reading it, and hints
 * that the reader's inbox changed; any other page's stream only the inbox hints. Streams are
 * counted per user (LIVE_LIMITS), and a stream whose client does not read is closed once
 * LIVE_LIMITS.maxBufferedBytes wait for it: the page reconnects and catches up from the feed.
 */

interface Connection {
  user: LiveActor;
  articleId: string | null;
  controller: ReadableStreamDefaultController<Uint8Array>;
  inboxTimer: NodeJS.Timeout | null;
  closed: boolean;
  close(): void;
}

export interface OpenStream {
  user: SessionUser;
  /** An article page's stream; null for the inbox hints alone. */
  articleId: string | null;
  lastEventId: number | null;
  signal: AbortSignal;
}

const encoder = new TextEncoder();
// Inbox hints are coalesced: a burst of changes asks the page to read its inbox once.
const INBOX_HINT_DELAY_MS = 500;
const WORKERS_CACHE_MS = 5_000;

type Limits = { [K in keyof typeof LIVE_LIMITS]: number };

export class LiveHub {
  readonly instance = randomUUID();
  private readonly counter: ConnectionCounter;
  private readonly byArticle = new Map<string, Set<Connection>>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly presence: PresenceBook;
  private readonly workers = new Map<string, { at: number; ids: Promise<Set<string>> }>();
  private unsubscribe: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly limits: Limits = LIVE_LIMITS) {
    this.counter = new ConnectionCounter(limits);
    this.presence = new PresenceBook(limits.presenceTtlMs);
  }

  /** Streams open on this instance (the bench reads it). */
  get size(): number {
    return this.counter.count();
  }

  /** The stream's Response; 429 past the per-user cap, 503 past the instance's. */
  async open(request: OpenStream): Promise<Response> {
    this.start();
    if (isStopping()) {
      throw new Problem("busy", "This server is restarting: live updates resume in a moment.", undefined, {
        retryAfterSeconds: 1,
      });
    }
    const refusal = this.counter.admit(request.user.id);
    if (refusal) {
      throw refusal.kind === "user"
        ? new Problem("too_many", refusalMessage(refusal), undefined, { retryAfterSeconds: 30 })
        : new Problem("busy", refusalMessage(refusal), undefined, { retryAfterSeconds: 10 });
    }
    const user = { id: request.user.id, name: request.user.name };
    let connection: Connection | undefined;
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          connection = this.attach(user, request.articleId, controller);
        },
        cancel: () => connection?.close(),
      },
      // Nothing is held back for a reading client; `desiredSize` goes negative by what waits.
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
    const conn = connection!;
    request.signal.addEventListener("abort", () => conn.close(), { once: true });
    try {
      await this.greet(conn, request);
    } catch (error) {
      conn.close();
      throw error;
    }
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: Next's compression (and proxies honouring it) pass each event on at once.
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
  }

  private attach(user: LiveActor, articleId: string | null, controller: ReadableStreamDefaultController<Uint8Array>) {
    const connection: Connection = {
      user,
      articleId,
      controller,
      inboxTimer: null,
      closed: false,
      close: () => {
        if (connection.closed) return;
        connection.closed = true;
        if (connection.inboxTimer) clearTimeout(connection.inboxTimer);
        this.counter.release(user.id);
        remove(this.byUser, user.id, connection);
        if (articleId) {
          remove(this.byArticle, articleId, connection);
          this.announceReaders(articleId);
        }
        try {
          controller.close();
        } catch {
          // Already closed or errored by the client going away.
        }
      },
    };
    add(this.byUser, user.id, connection);
    if (articleId) add(this.byArticle, articleId, connection);
    return connection;
  }

  /**
   * The first event: the feed step now (the page reads the feed when it is ahead of its cursor).
   * Read after the stream joined the article, so a change committed meanwhile is in the step or
   * announced (or both: the page's feed read is idempotent), never neither.
   */
  private async greet(connection: Connection, request: OpenStream): Promise<void> {
    this.send(connection, `retry: ${this.limits.retryMs}\n\n`);
    if (!request.articleId) {
      this.send(connection, formatSse("ready", {}));
      return;
    }
    const seq = await claimSeqOf(request.articleId);
    const readers = this.presence.readersOf(request.articleId, Date.now());
    const missed = request.lastEventId !== null && request.lastEventId < seq;
    this.send(connection, formatSse("ready", { seq, missed, readers }, seq));
    this.announceReaders(request.articleId);
  }

  private send(connection: Connection, text: string): void {
    if (connection.closed) return;
    const waiting = -(connection.controller.desiredSize ?? 0);
    if (waiting > this.limits.maxBufferedBytes) {
      // The client does not read: let it go rather than hold its backlog. It reconnects and catches up.
      connection.close();
      return;
    }
    try {
      connection.controller.enqueue(encoder.encode(text));
    } catch {
      connection.close();
    }
  }

  private start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = subscribeBus((message) => this.receive(message));
    // A server stopping waits for its open responses: streams never end by themselves, so end
    // them, and the pages reconnect (to this instance once restarted, or to another one).
    onStop(() => this.closeAll());
    const every = (ms: number, work: () => void) => {
      const timer = setInterval(work, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.limits.heartbeatMs, () => {
      for (const connections of this.byUser.values()) for (const c of connections) this.send(c, SSE_HEARTBEAT);
    });
    every(this.limits.presenceBeatMs, () => {
      for (const articleId of this.byArticle.keys()) this.announceReaders(articleId);
    });
    every(this.limits.presenceTtlMs / 5, () => {
      for (const articleId of this.presence.expire(Date.now())) this.sendReaders(articleId);
    });
  }

  private closeAll(): void {
    for (const connections of [...this.byUser.values()]) for (const c of [...connections]) c.close();
  }

  /** Stops listening and closes every stream (tests). */
  stop(): void {
    this.closeAll();
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  private receive(message: BusMessage): void {
    if (message.type === "change") this.deliver(message.change);
    else if (message.type === "presence") {
      if (this.presence.update(message.snapshot, Date.now())) this.sendReaders(message.snapshot.articleId);
    } else void this.resync();
  }

  private deliver(change: LiveChange): void {
    const event = formatSse("change", publicChange(change), change.seq);
    for (const connection of this.byArticle.get(change.articleId) ?? []) this.send(connection, event);
    void this.hintInboxes(change);
  }

  private async hintInboxes(change: LiveChange): Promise<void> {
    const listening = [...this.byUser.keys()].filter((id) => id !== change.actor.id);
    if (listening.length === 0) return;
    let recipients: Set<string>;
    if (change.inbox === "article") {
      try {
        recipients = await this.workersOf(change.articleId);
      } catch {
        return;
      }
    } else recipients = new Set(change.inbox);
    for (const userId of listening) {
      if (!recipients.has(userId)) continue;
      for (const connection of this.byUser.get(userId) ?? []) this.hintInbox(connection);
    }
  }

  private hintInbox(connection: Connection): void {
    if (connection.inboxTimer || connection.closed) return;
    connection.inboxTimer = setTimeout(() => {
      connection.inboxTimer = null;
      this.send(connection, formatSse("inbox", {}));
    }, INBOX_HINT_DELAY_MS);
  }

  /**
   * Who works on an article (added it, or has a live claim in it): the people whose "awaiting my
   * review" list a review change there can alter (lib/server/reviews.ts claimsAwaitingReviewBy).
   */
  private workersOf(articleId: string): Promise<Set<string>> {
    const cached = this.workers.get(articleId);
    if (cached && Date.now() - cached.at < WORKERS_CACHE_MS) return cached.ids;
    const ids = (async () => {
      const [article, authors] = await Promise.all([
        db.article.findUnique({ where: { id: articleId }, select: { createdById: true } }),
        db.claim.findMany({
          where: { articleId, deletedAt: null },
          select: { authorId: true },
          distinct: ["authorId"],
        }),
      ]);
      return new Set([...(article?.createdById ? [article.createdById] : []), ...authors.map((row) => row.authorId)]);
    })();
    this.workers.set(articleId, { at: Date.now(), ids });
    ids.catch(() => this.workers.delete(articleId));
    return ids;
  }

  /** The LISTEN connection came back: every article stream re-reads its feed step. */
  private async resync(): Promise<void> {
    for (const [articleId, connections] of this.byArticle) {
      let seq: number;
      try {
        seq = await claimSeqOf(articleId);
      } catch {
        continue;
      }
      const event = formatSse("sync", { seq }, seq);
      for (const connection of connections) this.send(connection, event);
    }
  }

  /** This instance's readers of the article, to every instance (itself included). */
  private announceReaders(articleId: string): void {
    const byId = new Map<string, LiveActor>();
    for (const connection of this.byArticle.get(articleId) ?? []) byId.set(connection.user.id, connection.user);
    publishPresence({ instance: this.instance, articleId, readers: [...byId.values()] });
  }

  private sendReaders(articleId: string): void {
    const event = formatSse("presence", { readers: this.presence.readersOf(articleId, Date.now()) });
    for (const connection of this.byArticle.get(articleId) ?? []) this.send(connection, event);
  }
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

// One hub per process; the global survives Next's module reloads in development.
const globalForHub = globalThis as unknown as { factlineLiveHub?: LiveHub };
export const liveHub: LiveHub = (globalForHub.factlineLiveHub ??= new LiveHub());

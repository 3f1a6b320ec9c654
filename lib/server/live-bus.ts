import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { isLiveChange, type LiveChange } from "@/lib/live/events";
import type { PresenceSnapshot } from "@/lib/live/presence";
import { afterCommit, type Tx } from "./db";
import { serverConfig } from "./env";

/*
 * The live-update bus (decision 0018): committed changes and presence snapshots, delivered to
 * every instance's open streams (lib/server/live-hub.ts).
 *
 * - SQLite (one process): an in-process EventEmitter, fed after commit (db.ts afterCommit).
 * - PostgreSQL (several instances): NOTIFY on one channel. A change's NOTIFY is sent inside the
 *   transaction that writes it, and PostgreSQL delivers it only when that transaction commits (in
 *   commit order), never after a rollback. Each instance LISTENs on one dedicated connection; its
 *   own changes come back to it the same way. When that connection drops, the instance reconnects
 *   and tells its streams to resynchronise (`resync`): they re-read their article's feed step.
 */

export type BusMessage =
  { type: "change"; change: LiveChange } | { type: "presence"; snapshot: PresenceSnapshot } | { type: "resync" };

const CHANNEL = "factline_live";
// NOTIFY payloads must stay under 8,000 bytes; presence snapshots are cut to this many readers.
const MAX_PRESENCE_READERS = 40;

const local = new EventEmitter();
local.setMaxListeners(0);

const provider = () => serverConfig().database.provider;

/**
 * Announces a change once the transaction `tx` commits. Call it inside writeTransaction. Of the
 * actor (a session user, say) only the id and name go on the bus: pages are shown nothing else.
 */
export async function publishChange(tx: Tx, change: LiveChange): Promise<void> {
  const message: BusMessage = {
    type: "change",
    change: { ...change, actor: { id: change.actor.id, name: change.actor.name } },
  };
  if (provider() === "postgresql") {
    await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(message)})`;
  } else {
    afterCommit(() => local.emit("message", message));
  }
}

/** Announces this instance's readers of an article (not transactional: the next beat repeats it). */
export function publishPresence(snapshot: PresenceSnapshot): void {
  const message: BusMessage = {
    type: "presence",
    snapshot: { ...snapshot, readers: snapshot.readers.slice(0, MAX_PRESENCE_READERS) },
  };
  if (provider() === "postgresql") void listener?.notify(JSON.stringify(message));
  else setImmediate(() => local.emit("message", message));
}

/** Receives every message; on PostgreSQL the first subscriber starts the LISTEN connection. */
export function subscribeBus(handler: (message: BusMessage) => void): () => void {
  local.on("message", handler);
  if (provider() === "postgresql") listener ??= new Listener(serverConfig().database.url);
  return () => local.off("message", handler);
}

function parseMessage(payload: string | undefined): BusMessage | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as BusMessage;
    if (value.type === "change" && isLiveChange(value.change)) return value;
    if (value.type === "presence" && value.snapshot && Array.isArray(value.snapshot.readers)) return value;
    return null;
  } catch {
    return null;
  }
}

/** The one LISTEN connection of this instance, reconnected when it drops. */
class Listener {
  private client: pg.Client | null = null;
  private connectedBefore = false;
  private retryMs = MIN_RETRY_MS;

  constructor(private readonly url: string) {
    void this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      const wait = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      setTimeout(() => void this.connect(), wait).unref();
    };
    client.on("notification", (note) => {
      const message = parseMessage(note.payload);
      if (message) local.emit("message", message);
    });
    client.on("error", onLost);
    client.on("end", onLost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    this.client = client;
    this.retryMs = MIN_RETRY_MS;
    // Whatever was committed while no one listened: streams re-read their feed step.
    if (this.connectedBefore) local.emit("message", { type: "resync" } satisfies BusMessage);
    this.connectedBefore = true;
  }

  /** pg 8 warns on (and pg 9 refuses) a query sent while the client runs another: one at a time. */
  private queue: Promise<void> = Promise.resolve();

  notify(payload: string): Promise<void> {
    this.queue = this.queue.then(async () => {
      try {
        await this.client?.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      } catch {
        // Dropped: presence is re-announced every few seconds.
      }
    });
    return this.queue;
  }
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;
let listener: Listener | undefined;

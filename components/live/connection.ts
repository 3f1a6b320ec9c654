"use client";

/*
 * The page's one live connection (decision 0018). Every component that wants live updates
 * subscribes here; the page holds a single stream: its article's (`/api/articles/{id}/events`,
 * which carries the inbox hints too) when an article is open, else `/api/inbox/events`. One
 * stream per tab matters: browsers keep at most six HTTP/1.1 connections per site.
 *
 * Read with fetch rather than EventSource, to see the status of a refusal (401, 404, 429) and to
 * reconnect on our own terms: backing off, sending `Last-Event-ID`, and reporting the state so
 * the page can say "Reconnecting…".
 */

export interface LiveMessage {
  event: string;
  data: unknown;
  id: string | null;
}

export type LiveState =
  { state: "connecting" } | { state: "open" } | { state: "reconnecting" } | { state: "stopped"; message: string };

interface Subscriber {
  articleId: string | null;
  onMessage(message: LiveMessage): void;
  onState?(state: LiveState): void;
}

const subscribers = new Set<Subscriber>();
let current: { url: string; abort: AbortController } | null = null;
let state: LiveState = { state: "connecting" };

export function subscribeLive(subscriber: Subscriber): () => void {
  subscribers.add(subscriber);
  subscriber.onState?.(state);
  reconcile();
  return () => {
    subscribers.delete(subscriber);
    // Let a page switch settle (one component leaving, another arriving) before closing.
    setTimeout(reconcile, 0);
  };
}

function wantedUrl(): string | null {
  if (subscribers.size === 0) return null;
  let articleId: string | null = null;
  for (const subscriber of subscribers) articleId = subscriber.articleId ?? articleId;
  return articleId ? `/api/articles/${encodeURIComponent(articleId)}/events` : "/api/inbox/events";
}

function reconcile(): void {
  const url = wantedUrl();
  if (current?.url === url) return;
  current?.abort.abort();
  current = null;
  if (!url) return;
  const abort = new AbortController();
  current = { url, abort };
  void run(url, abort.signal);
}

function setState(next: LiveState): void {
  state = next;
  for (const subscriber of subscribers) subscriber.onState?.(next);
}

function dispatch(message: LiveMessage): void {
  for (const subscriber of subscribers) subscriber.onMessage(message);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

async function run(url: string, signal: AbortSignal): Promise<void> {
  const last: { id: string | null } = { id: null };
  let failures = 0;
  let retryMs = 1_000;
  while (!signal.aborted) {
    let waitMs = Math.min(retryMs * 2 ** failures, 10_000);
    try {
      const response = await fetch(url, {
        headers: { Accept: "text/event-stream", ...(last.id ? { "Last-Event-ID": last.id } : {}) },
        cache: "no-store",
        signal,
      });
      if (response.status === 401 || response.status === 404) {
        setState({ state: "stopped", message: await errorOf(response, "Live updates stopped: reload the page.") });
        return;
      }
      const retryAfterMs = Number(response.headers.get("retry-after") ?? 30) * 1_000;
      if (response.status === 429) {
        // Past this person's cap: say so, and try again later (a tab closed elsewhere frees a place).
        setState({ state: "stopped", message: await errorOf(response, "Live updates are paused.") });
        await sleep(retryAfterMs, signal);
        continue;
      }
      if (response.status === 503) {
        // Busy or restarting: a transient failure, retried as one.
        failures++;
        waitMs = Math.max(waitMs, retryAfterMs);
        throw new Error("busy");
      }
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      await read(response.body, signal, (message) => {
        if (message.event === "retry") {
          retryMs = Number(message.data) || retryMs;
          return;
        }
        if (message.id !== null) last.id = message.id;
        if (message.event === "ready") {
          failures = 0;
          setState({ state: "open" });
        }
        dispatch(message);
      });
      // The server closed the stream (restart, or it let a slow reader go): reconnect at once.
      waitMs = retryMs;
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof Error && error.message === "busy")) failures++;
    }
    if (signal.aborted) return;
    setState({ state: "reconnecting" });
    await sleep(waitMs, signal);
  }
}

async function errorOf(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === "string" ? body.error : fallback;
  } catch {
    return fallback;
  }
}

const BLANK_LINE = /\r?\n\r?\n/;

/** Parses a text/event-stream body into messages (https://html.spec.whatwg.org/#event-stream-interpretation). */
async function read(body: ReadableStream<Uint8Array>, signal: AbortSignal, onMessage: (m: LiveMessage) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener("abort", cancel, { once: true });
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let match = BLANK_LINE.exec(buffer); match; match = BLANK_LINE.exec(buffer)) {
        const message = parseBlock(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        if (message) onMessage(message);
      }
    }
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}

function parseBlock(block: string): LiveMessage | null {
  let event = "message";
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
    else if (field === "retry") return { event: "retry", data: value, id: null };
  }
  if (data.length === 0) return null;
  try {
    return { event, data: JSON.parse(data.join("\n")), id };
  } catch {
    return null;
  }
}

/**
 * The live-update publisher and streams (lib/server/live-bus.ts, live-hub.ts) against a real
 * database: every committed change is announced once, in feed order, with the feed step as its
 * id; a rolled-back write never is; a stream resumed from an older id is told it missed changes;
 * a person's streams are capped; presence lists who has the article open.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIVE_LIMITS } from "@/lib/live/limits";
import { db, writeTransaction } from "@/lib/server/db";
import { nextClaimSeq } from "@/lib/server/claim-write-steps";
import { createClaim, updateClaim } from "@/lib/server/claim-writes";
import { publishChange } from "@/lib/server/live-bus";
import { postReply } from "@/lib/server/discussion";
import { LiveHub } from "@/lib/server/live-hub";
import { createArticle, createUser, sessionOf, type TestArticle } from "./factories";

const SENTENCE = "The city council approved a budget of 4.2 million euros on Tuesday.";
type Session = ReturnType<typeof sessionOf>;

interface Received {
  event: string;
  id: number | null;
  data: Record<string, unknown>;
}

/** Reads a stream's events as they come. */
function reader(response: Response) {
  const body = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Received[] = [];
  let buffer = "";
  let done = false;
  const pump = (async () => {
    for (;;) {
      const chunk = await body.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((line) => !line.startsWith(":") && line.includes(":"))
            .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
        );
        if (!fields.data) continue;
        events.push({
          event: fields.event ?? "message",
          id: fields.id ? Number(fields.id) : null,
          data: JSON.parse(fields.data),
        });
      }
    }
    done = true;
  })();
  return {
    events,
    get closed() {
      return done;
    },
    /** Waits until `count` events of `name` arrived (or fails after 5 s). */
    async until(name: string, count = 1): Promise<Received[]> {
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        const found = events.filter((event) => event.event === name);
        if (found.length >= count) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no ${count} "${name}" events; got ${JSON.stringify(events)}`);
    },
    cancel: () => body.cancel().then(() => pump),
  };
}

let hub: LiveHub;
let erin: Session;
let sam: Session;
let article: TestArticle;

beforeEach(async () => {
  hub = new LiveHub();
  erin = sessionOf(await createUser(db, {}));
  sam = sessionOf(await createUser(db, {}));
  article = await createArticle(db, erin.id, { paragraphs: [SENTENCE] });
});

afterEach(() => hub.stop());

const open = (user: Session, options: { lastEventId?: number | null; articleId?: string | null } = {}) => {
  const abort = new AbortController();
  const response = hub.open({
    user,
    articleId: options.articleId === undefined ? article.id : options.articleId,
    lastEventId: options.lastEventId ?? null,
    signal: abort.signal,
  });
  return { response, abort };
};

const mark = (user: Session) =>
  createClaim(user, article.id, {
    position: { start: 0, end: 8 },
    quote: { exact: SENTENCE.slice(0, 8), prefix: "", suffix: "" },
  });

describe("the live stream of an article", () => {
  it("announces every committed change once, in feed order, with the feed step as its id", async () => {
    const { response } = open(sam);
    const stream = reader(await response);
    expect((await response).headers.get("content-type")).toMatch(/^text\/event-stream/);
    const [ready] = await stream.until("ready");
    expect(ready!.data.seq).toBe(0);

    const claim = await mark(erin);
    const rated = await updateClaim(erin, claim.id, { version: 1, note: "Checked with the council." });
    await postReply(sam, claim.id, { text: "Thanks!" });

    const changes = await stream.until("change", 3);
    expect(changes.map((event) => event.data.kind)).toEqual(["claim.created", "claim.updated", "reply.posted"]);
    expect(changes.map((event) => event.id)).toEqual([1, 2, 3]);
    expect(changes.map((event) => event.data.claimId)).toEqual([claim.id, claim.id, claim.id]);
    expect(changes[0]!.data.actor).toEqual({ id: erin.id, name: erin.name });
    expect(changes[2]!.data.actor).toEqual({ id: sam.id, name: sam.name });
    // A pointer, not the claim: nothing of its content, and no inbox recipients.
    expect(Object.keys(changes[1]!.data).sort()).toEqual(["actor", "claimId", "kind", "seq"]);
    expect(rated.version).toBe(2);
    await stream.cancel();
  });

  it("never announces a write that rolled back", async () => {
    const { response } = open(sam);
    const stream = reader(await response);
    await stream.until("ready");
    const claim = await mark(erin);
    await stream.until("change", 1);
    // A write that announces its change and then fails inside its transaction.
    const failing = writeTransaction(async (tx) => {
      const seq = await nextClaimSeq(tx, article.id);
      await publishChange(tx, {
        articleId: article.id,
        seq,
        kind: "claim.updated",
        claimId: claim.id,
        actor: erin,
        inbox: [],
      });
      throw new Error("fails after announcing");
    });
    await expect(failing).rejects.toThrow("fails after announcing");
    await updateClaim(erin, claim.id, { version: 1, note: "Fresh" });
    await stream.until("change", 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const changes = stream.events.filter((event) => event.event === "change");
    expect(changes.map((event) => event.data.kind)).toEqual(["claim.created", "claim.updated"]);
    // The rolled-back step was never committed: the next write has the next number.
    expect(changes.map((event) => event.id)).toEqual([1, 2]);
    await stream.cancel();
  });

  it("tells a stream resumed from an older id that it missed changes, and one that is current that it did not", async () => {
    await mark(erin);
    await mark(erin);
    const behind = reader(await open(sam, { lastEventId: 1 }).response);
    expect((await behind.until("ready"))[0]).toMatchObject({ id: 2, data: { seq: 2, missed: true } });
    const current = reader(await open(sam, { lastEventId: 2 }).response);
    expect((await current.until("ready"))[0]).toMatchObject({ id: 2, data: { seq: 2, missed: false } });
    await Promise.all([behind.cancel(), current.cancel()]);
  });

  it("is a 404 for an unknown article, and that attempt does not count against the person", async () => {
    await expect(open(sam, { articleId: "no-such-article" }).response).rejects.toMatchObject({ kind: "not_found" });
    expect(hub.size).toBe(0);
  });

  it("shows who has the article open, and forgets who left", async () => {
    const first = open(erin);
    const mine = reader(await first.response);
    const theirs = reader(await open(sam).response);
    const names = (event: Received) =>
      (event.data.readers as Array<{ name: string }>).map((reader) => reader.name).sort();
    for (let presence = await mine.until("presence"); ; presence = await mine.until("presence", presence.length + 1)) {
      if (names(presence.at(-1)!).length === 2) {
        expect(names(presence.at(-1)!)).toEqual([erin.name, sam.name].sort());
        break;
      }
    }
    const before = theirs.events.filter((event) => event.event === "presence").length;
    first.abort.abort();
    for (
      let presence = await theirs.until("presence", before + 1);
      ;
      presence = await theirs.until("presence", presence.length + 1)
    ) {
      if (names(presence.at(-1)!).length === 1) {
        expect(names(presence.at(-1)!)).toEqual([sam.name]);
        break;
      }
    }
    await theirs.cancel();
  });
});

describe("limits", () => {
  it(`holds at most ${LIVE_LIMITS.perUser} streams per person, refused with a message, and frees a place when one closes`, async () => {
    const streams = [];
    for (let i = 0; i < LIVE_LIMITS.perUser; i++) streams.push(open(sam, { articleId: i % 2 ? null : article.id }));
    await Promise.all(streams.map((stream) => stream.response));
    await expect(open(sam).response).rejects.toMatchObject({
      kind: "too_many",
      message: expect.stringMatching(/Close some tabs/),
    });
    // Someone else is not affected.
    const erins = open(erin);
    await erins.response;
    streams[0]!.abort.abort();
    await expect(open(sam).response).resolves.toBeInstanceOf(Response);
    expect(hub.size).toBe(LIVE_LIMITS.perUser + 1);
  });

  it("closes a stream whose client does not read once too much waits for it", async () => {
    const small = new LiveHub({ ...LIVE_LIMITS, maxBufferedBytes: 2_000 });
    const response = await small.open({
      user: sam,
      articleId: article.id,
      lastEventId: null,
      signal: new AbortController().signal,
    });
    // Never read: announcements pile up past the limit, then the server lets the stream go.
    const claim = await mark(erin);
    for (let version = 1; small.size > 0 && version <= 40; version++) {
      await updateClaim(erin, claim.id, { version, note: `Note ${version}` });
    }
    // On PostgreSQL the announcements arrive a moment after the writes.
    for (const deadline = Date.now() + 5_000; small.size > 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(small.size).toBe(0);
    await response.body!.cancel();
    small.stop();
  });
});

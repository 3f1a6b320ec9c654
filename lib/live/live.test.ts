import { describe, expect, it } from "vitest";
import { announcementOf, formatSse, isLiveChange, parseLastEventId, publicChange, type LiveChange } from "./events";
import { ConnectionCounter, refusalMessage } from "./limits";
import { PresenceBook, alsoReading } from "./presence";

const sam = { id: "u-sam", name: "Sam Second" };
const erin = { id: "u-erin", name: "Erin Editor" };

describe("events", () => {
  const change: LiveChange = {
    articleId: "a1",
    seq: 7,
    kind: "claim.created",
    claimId: "c1",
    actor: sam,
    inbox: ["u-erin"],
  };

  it("says who did what, for screen readers", () => {
    expect(announcementOf(change)).toBe("Sam Second marked a claim");
    expect(announcementOf({ kind: "reply.posted", actor: { id: "x", name: "" } })).toBe(
      "A colleague replied on a claim",
    );
  });

  it("sends pages the pointer without the inbox recipients", () => {
    expect(publicChange(change)).toEqual({ seq: 7, kind: "claim.created", claimId: "c1", actor: sam });
  });

  it("formats an event with an id only when given one", () => {
    expect(formatSse("change", { seq: 7 }, 7)).toBe('id: 7\nevent: change\ndata: {"seq":7}\n\n');
    expect(formatSse("presence", { readers: [] })).toBe('event: presence\ndata: {"readers":[]}\n\n');
  });

  it("reads Last-Event-ID only as a whole number", () => {
    expect(parseLastEventId("42")).toBe(42);
    expect(parseLastEventId(" 3 ")).toBe(3);
    for (const bad of [null, undefined, "", "-1", "1.5", "abc", "1e3", "9".repeat(16)])
      expect(parseLastEventId(bad)).toBeNull();
  });

  it("accepts only well-formed bus messages", () => {
    expect(isLiveChange(change)).toBe(true);
    expect(isLiveChange({ ...change, inbox: "article" })).toBe(true);
    expect(isLiveChange({ ...change, kind: "claim.exploded" })).toBe(false);
    expect(isLiveChange({ ...change, seq: "7" })).toBe(false);
    expect(isLiveChange({ ...change, actor: { id: 1 } })).toBe(false);
    expect(isLiveChange(null)).toBe(false);
  });
});

describe("ConnectionCounter", () => {
  it("refuses a person's stream past their cap and the instance's past its own, and frees places", () => {
    const counter = new ConnectionCounter({ perUser: 2, perInstance: 3 });
    expect(counter.admit("a")).toBeNull();
    expect(counter.admit("a")).toBeNull();
    expect(counter.admit("a")).toEqual({ kind: "user", limit: 2 });
    expect(counter.admit("b")).toBeNull();
    expect(counter.admit("c")).toEqual({ kind: "instance", limit: 3 });
    counter.release("a");
    expect(counter.count("a")).toBe(1);
    expect(counter.admit("c")).toBeNull();
    counter.release("nobody");
    expect(counter.count()).toBe(3);
    expect(refusalMessage({ kind: "user", limit: 2 })).toMatch(/2 Factline pages open .* Close some tabs/);
  });
});

describe("PresenceBook", () => {
  it("merges instances' readers, says when they change, and forgets a silent instance", () => {
    const book = new PresenceBook(1_000);
    expect(book.update({ instance: "i1", articleId: "a", readers: [sam] }, 0)).toBe(true);
    expect(book.update({ instance: "i1", articleId: "a", readers: [sam] }, 500)).toBe(false);
    expect(book.update({ instance: "i2", articleId: "a", readers: [erin, sam] }, 600)).toBe(true);
    expect(book.readersOf("a", 700)).toEqual([erin, sam]);
    // i1 renewed at 500, i2 at 600: at 1,550 only i2 is fresh.
    expect(book.expire(1_550)).toEqual(["a"]);
    expect(book.readersOf("a", 1_550)).toEqual([erin, sam]);
    expect(book.update({ instance: "i2", articleId: "a", readers: [] }, 1_600)).toBe(true);
    expect(book.readersOf("a", 1_600)).toEqual([]);
  });

  it("names the others, not oneself", () => {
    expect(alsoReading([sam], "u-sam")).toBeNull();
    expect(alsoReading([erin, sam], "u-erin")).toBe("Also reading: Sam Second");
    expect(alsoReading([erin, sam, { id: "u-c", name: "Cleo" }], "u-x")).toBe(
      "Also reading: Erin Editor, Sam Second and Cleo",
    );
  });
});

import { describe, expect, it } from "vitest";
import { mergeEntries, replyItemKey, reviewItemKey, type InboxEntry, type InboxKind } from "./items";

const entry = (key: string, kind: InboxKind, at: string): InboxEntry => ({
  key,
  kind,
  at,
  claim: { id: "c1", articleId: "a1", articleTitle: "Budget", quote: "The council approved…" },
  from: { id: "sam", name: "Sam Second" },
  text: null,
});

describe("mergeEntries", () => {
  it("lists every source's entries newest first, with the person's done marks", () => {
    const mentions = [entry(replyItemKey("r2"), "mention", "2026-12-02T10:02:00Z")];
    const replies = [entry(replyItemKey("r1"), "reply", "2026-12-02T10:01:00Z")];
    const reviews = [entry(reviewItemKey("c1", 3), "awaiting_review", "2026-12-02T10:03:00Z")];
    const items = mergeEntries([mentions, replies, reviews], new Set([replyItemKey("r1")]));
    expect(items.map((item) => [item.key, item.done])).toEqual([
      ["review:c1:3", false],
      ["reply:r2", false],
      ["reply:r1", true],
    ]);
  });

  it("shows a key once, as the first source gave it (a reply on my claim that mentions me is a mention)", () => {
    const key = replyItemKey("r1");
    const items = mergeEntries(
      [[entry(key, "mention", "2026-12-02T10:00:00Z")], [entry(key, "reply", "2026-12-02T10:00:00Z")]],
      new Set(),
    );
    expect(items.map((item) => item.kind)).toEqual(["mention"]);
  });

  it("gives a claim awaiting review again after a change a new key, so an old done mark does not hide it", () => {
    expect(reviewItemKey("c1", 3)).not.toBe(reviewItemKey("c1", 5));
  });
});

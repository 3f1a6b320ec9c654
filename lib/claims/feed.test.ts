import { describe, expect, it } from "vitest";
import { markedAnchor } from "./reanchor";
import { NO_REVIEW } from "./review";
import { Problem } from "@/lib/errors";
import {
  applyClaimsAnswer,
  claimsTag,
  formatCursor,
  parseCursor,
  scopeOf,
  splitChanges,
  summaryOf,
  tagMatches,
  withClaim,
  withoutClaim,
  type ClaimsState,
} from "./feed";
import type { ClaimDetails, ClaimSummary } from "./types";

const summary = (id: string, overrides: Partial<ClaimSummary> = {}): ClaimSummary => ({
  id,
  authorId: "erin",
  start: 0,
  end: 10,
  anchor: markedAnchor(1, 0, 10),
  status: "UNVERIFIED",
  review: NO_REVIEW,
  version: 1,
  sourceCount: 0,
  replyCount: 0,
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  ...overrides,
});

const state: ClaimsState = {
  claims: [summary("a"), summary("b", { start: 20, end: 30 })],
  people: { erin: "Erin Editor" },
  cursor: "5",
};

describe("cursor", () => {
  it("round-trips the article's sequence", () => {
    expect(parseCursor(formatCursor(42))).toBe(42);
    expect(parseCursor("0")).toBe(0);
  });

  it("refuses anything else as malformed, saying what to do", () => {
    for (const garbage of ["", "-1", "1.5", "abc", "1e3", " 4", "99999999999999999999"]) {
      let problem: unknown;
      try {
        parseCursor(garbage);
      } catch (error) {
        problem = error;
      }
      expect(problem, garbage).toBeInstanceOf(Problem);
      expect((problem as Problem).kind).toBe("malformed");
      expect((problem as Problem).message).toMatch(/without "since"/);
    }
  });
});

describe("scopeOf", () => {
  it("resolves me to the signed-in editor and keeps the rest", () => {
    expect(scopeOf({}, "erin")).toEqual({});
    expect(scopeOf({ user: "me", status: "FALSE" }, "erin")).toEqual({ authorId: "erin", status: "FALSE" });
    expect(scopeOf({ user: "sam" }, "erin")).toEqual({ authorId: "sam" });
    // "me" of two editors is two lists, with two tags.
    expect(claimsTag("3", scopeOf({ user: "me" }, "erin"))).not.toBe(claimsTag("3", scopeOf({ user: "me" }, "sam")));
  });
});

describe("entity tag", () => {
  it("names the cursor and the filter", () => {
    const tag = claimsTag("7", {});
    expect(tag).not.toBe(claimsTag("8", {}));
    expect(tag).not.toBe(claimsTag("7", { authorId: "erin" }));
    expect(tag).not.toBe(claimsTag("7", { status: "FALSE" }));
    expect(claimsTag("7", { authorId: 'a"b c' })).toMatch(/^W\/"[\x21\x23-\x7e]+"$/);
  });

  it("matches If-None-Match weakly, in a list, and *", () => {
    const tag = claimsTag("7", {});
    expect(tagMatches(tag, tag)).toBe(true);
    expect(tagMatches(tag.replace(/^W\//, ""), tag)).toBe(true);
    expect(tagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(tagMatches("*", tag)).toBe(true);
    expect(tagMatches(claimsTag("6", {}), tag)).toBe(false);
    expect(tagMatches(null, tag)).toBe(false);
    expect(tagMatches("", tag)).toBe(false);
  });
});

describe("splitChanges", () => {
  it("keeps live claims in scope and lists every other changed claim as gone", () => {
    const changed = [
      { ...summary("live"), deleted: false },
      { ...summary("gone"), deleted: true },
      { ...summary("rerated", { status: "FALSE" }), deleted: false },
    ];
    expect(splitChanges(changed, {})).toEqual({
      claims: [summary("live"), summary("rerated", { status: "FALSE" })],
      deleted: ["gone"],
    });
    expect(splitChanges(changed, { status: "UNVERIFIED" })).toEqual({
      claims: [summary("live")],
      deleted: ["gone", "rerated"],
    });
  });
});

describe("applyClaimsAnswer", () => {
  it("replaces everything with a full list or a reset", () => {
    const full = { claims: [summary("c")], people: { sam: "Sam" }, cursor: "9" };
    expect(applyClaimsAnswer(state, full)).toEqual(full);
    expect(applyClaimsAnswer(state, { ...full, deleted: [], reset: true })).toEqual(full);
  });

  it("merges a change set: created added, updated replaced, deleted dropped", () => {
    const next = applyClaimsAnswer(state, {
      claims: [summary("b", { start: 20, end: 30, status: "FALSE", version: 2 }), summary("c", { authorId: "sam" })],
      deleted: ["a"],
      people: { erin: "Erin Editor", sam: "Sam Second" },
      cursor: "8",
    });
    expect(next.claims.map((c) => [c.id, c.status, c.version])).toEqual([
      ["b", "FALSE", 2],
      ["c", "UNVERIFIED", 1],
    ]);
    expect(next.people).toEqual({ erin: "Erin Editor", sam: "Sam Second" });
    expect(next.cursor).toBe("8");
  });

  it("keeps a newer version the page already has", () => {
    const mine = { ...state, claims: [summary("a", { version: 3, status: "FALSE" })] };
    const next = applyClaimsAnswer(mine, {
      claims: [summary("a", { version: 2 })],
      deleted: [],
      people: {},
      cursor: "6",
    });
    expect(next.claims).toEqual(mine.claims);
  });

  it("leaves the state as it is when nothing changed", () => {
    expect(applyClaimsAnswer(state, { claims: [], deleted: [], people: {}, cursor: "5" })).toBe(state);
  });
});

describe("one claim's details in the list", () => {
  const details: ClaimDetails = {
    id: "b",
    articleId: "art",
    author: { id: "sam", name: "Sam Second" },
    revision: 1,
    position: { start: 20, end: 30 },
    anchor: markedAnchor(1, 20, 30),
    quote: { exact: "x", prefix: "", suffix: "" },
    status: "VERIFIED",
    review: NO_REVIEW,
    note: "n",
    version: 4,
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T11:00:00.000Z",
    sources: [
      {
        id: "s",
        url: "https://x.org",
        title: "X",
        publisher: null,
        excerpt: null,
        addedBy: { id: "sam", name: "Sam Second" },
        createdAt: "2026-12-01T11:00:00.000Z",
      },
    ],
  };

  it("summarises details", () => {
    expect(summaryOf(details)).toEqual(
      summary("b", {
        authorId: "sam",
        start: 20,
        end: 30,
        anchor: markedAnchor(1, 20, 30),
        status: "VERIFIED",
        version: 4,
        sourceCount: 1,
        updatedAt: "2026-12-01T11:00:00.000Z",
      }),
    );
  });

  it("replaces or adds a claim and its author's name, never going back to an older version", () => {
    const next = withClaim(state, details);
    expect(next.claims[1]).toEqual(summaryOf(details));
    expect(next.people.sam).toBe("Sam Second");
    expect(withClaim(next, { ...details, version: 3, status: "FALSE" })).toBe(next);
    expect(withClaim(state, { ...details, id: "new" }).claims.map((c) => c.id)).toEqual(["a", "b", "new"]);
    expect(withoutClaim(next, "b").claims.map((c) => c.id)).toEqual(["a"]);
    expect(withoutClaim(state, "zzz")).toBe(state);
  });
});

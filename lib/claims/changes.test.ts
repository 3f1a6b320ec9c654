import { describe, expect, it } from "vitest";
import { markedAnchor } from "./reanchor";
import { NO_REVIEW } from "./review";
import { Problem } from "@/lib/errors";
import {
  createdDetails,
  planCreate,
  planDelete,
  planReassign,
  planUpdate,
  updatedDetails,
  type ClaimForWrite,
  type UpdatePlan,
} from "./changes";
import type { ClaimDetails } from "./types";

const TEXT = "The council met on Tuesday. It approved a budget of 4.2 million euros. Turnout was 61 percent.";
const BUDGET = "It approved a budget of 4.2 million euros.";
const at = (passage: string) => ({ start: TEXT.indexOf(passage), end: TEXT.indexOf(passage) + passage.length });

function problemOf(action: () => unknown): Problem {
  try {
    action();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error("expected a Problem");
}

const OWNER = "user-owner";
const source = (url: string, title: string) => ({ url, title, publisher: undefined, excerpt: undefined });
const claim = (overrides: Partial<ClaimForWrite> = {}): ClaimForWrite => ({
  authorId: OWNER,
  version: 3,
  status: "UNPROVEN",
  note: "Asked the press office.",
  sources: [{ id: "src-1", title: "Council minutes" }],
  ...overrides,
});

describe("planCreate", () => {
  it("stores canonical selectors cut from the text, whatever context the client sent", () => {
    const plan = planCreate(TEXT, { position: at(BUDGET), quote: { exact: BUDGET, prefix: "", suffix: "" } });
    expect(plan.claim).toMatchObject({ ...at(BUDGET), exact: BUDGET, status: "UNVERIFIED", note: "" });
    expect(TEXT).toContain(plan.claim.prefix + BUDGET + plan.claim.suffix);
    expect(plan.claim.prefix).toBe("The council met on Tuesday. ");
    expect(plan.events).toEqual([{ kind: "created", fromValue: null, toValue: null }]);
  });

  it("records the status as a second event when the claim starts rated", () => {
    const plan = planCreate(TEXT, {
      position: at(BUDGET),
      quote: { exact: BUDGET, prefix: "", suffix: "" },
      status: "UNPROVEN",
      note: "n",
    });
    expect(plan.claim).toMatchObject({ status: "UNPROVEN", note: "n" });
    expect(plan.events.map((e) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ["created", null, null],
      ["status", "UNVERIFIED", "UNPROVEN"],
    ]);
  });

  it("refuses a quote that is not the text at the position, with 422", () => {
    const problem = problemOf(() =>
      planCreate(TEXT, { position: at(BUDGET), quote: { exact: "Turnout was 61 percent.", prefix: "", suffix: "" } }),
    );
    expect(problem.kind).toBe("invalid");
    expect(problem.message).toMatch(/does not match/);
  });

  it("refuses a verdict that needs a source, since a new claim has none", () => {
    const problem = problemOf(() =>
      planCreate(TEXT, { position: at(BUDGET), quote: { exact: BUDGET, prefix: "", suffix: "" }, status: "VERIFIED" }),
    );
    expect(problem.kind).toBe("invalid");
    expect(problem.message).toMatch(/add at least one source/i);
  });
});

describe("planUpdate", () => {
  it("plans the columns, sources and one event per change", () => {
    const plan = planUpdate(
      claim(),
      {
        version: 3,
        status: "FALSE",
        note: "Minutes say 4.1 million.",
        addSources: [{ url: "https://example.org/a", title: "Audit", publisher: undefined, excerpt: "p. 3" }],
        removeSourceIds: ["src-1", "src-1"],
      },
      OWNER,
    );
    expect(plan).toEqual<UpdatePlan>({
      expectedVersion: 3,
      version: 4,
      set: { status: "FALSE", note: "Minutes say 4.1 million." },
      status: "FALSE",
      removeSourceIds: ["src-1"],
      addSources: [{ url: "https://example.org/a", title: "Audit", publisher: null, excerpt: "p. 3" }],
      review: { state: "awaiting_review", superseded: false },
      events: [
        { kind: "status", fromValue: "UNPROVEN", toValue: "FALSE" },
        { kind: "note", fromValue: "Asked the press office.", toValue: "Minutes say 4.1 million." },
        { kind: "source_added", fromValue: null, toValue: "Audit" },
        { kind: "source_removed", fromValue: "Council minutes", toValue: null },
      ],
    });
  });

  it("records no event for a value sent unchanged, but still bumps the version", () => {
    const plan = planUpdate(claim(), { version: 3, status: "UNPROVEN", note: "Asked the press office." }, OWNER);
    expect(plan.events).toEqual([]);
    expect(plan.version).toBe(4);
  });

  it("answers 404 for a missing claim, 403 for someone else's, 409 for a stale version", () => {
    expect(problemOf(() => planUpdate(null, { version: 1 }, OWNER)).kind).toBe("not_found");
    expect(problemOf(() => planUpdate(claim(), { version: 3, note: "x" }, "user-other")).kind).toBe("forbidden");
    expect(problemOf(() => planUpdate(claim(), { version: 2, note: "x" }, OWNER)).kind).toBe("conflict");
  });

  it("applies the status rule to the sources the claim will have", () => {
    expect(
      problemOf(() => planUpdate(claim({ sources: [] }), { version: 3, status: "VERIFIED" }, OWNER)).message,
    ).toMatch(/add at least one source/i);
    const verified = claim({ status: "VERIFIED" });
    expect(problemOf(() => planUpdate(verified, { version: 3, removeSourceIds: ["src-1"] }, OWNER)).kind).toBe(
      "invalid",
    );
    // Removing the only source and leaving the verdict in the same change is fine.
    expect(planUpdate(verified, { version: 3, status: "UNPROVEN", removeSourceIds: ["src-1"] }, OWNER).status).toBe(
      "UNPROVEN",
    );
    // Adding the first source and the verdict together is fine too.
    const plan = planUpdate(
      claim({ sources: [] }),
      {
        version: 3,
        status: "VERIFIED",
        addSources: [{ url: "https://x.org", title: "X", publisher: undefined, excerpt: undefined }],
      },
      OWNER,
    );
    expect(plan.status).toBe("VERIFIED");
  });

  it("refuses to remove a source of another claim", () => {
    const problem = problemOf(() => planUpdate(claim(), { version: 3, removeSourceIds: ["src-elsewhere"] }, OWNER));
    expect(problem.kind).toBe("invalid");
    expect(problem.message).toMatch(/does not belong/);
  });
});

describe("planDelete", () => {
  it("records the deletion, checking owner and version", () => {
    expect(planDelete(claim(), 3, OWNER)).toEqual({
      expectedVersion: 3,
      version: 4,
      events: [{ kind: "deleted", fromValue: null, toValue: null }],
    });
    expect(planDelete(claim(), undefined, OWNER).expectedVersion).toBe(3);
    expect(problemOf(() => planDelete(claim(), 2, OWNER)).kind).toBe("conflict");
    expect(problemOf(() => planDelete(claim(), 3, "user-other")).kind).toBe("forbidden");
    expect(problemOf(() => planDelete(undefined, 3, OWNER)).kind).toBe("not_found");
  });

  it("lets an admin delete another editor's claim, still at the version they saw", () => {
    expect(planDelete(claim(), 3, "user-admin", { asAdmin: true }).version).toBe(4);
    expect(problemOf(() => planDelete(claim(), 2, "user-admin", { asAdmin: true })).kind).toBe("conflict");
    expect(problemOf(() => planDelete(undefined, 3, "user-admin", { asAdmin: true })).kind).toBe("not_found");
  });
});

describe("planReassign", () => {
  const from = { id: OWNER, name: "Erin Editor" };
  const to = { id: "user-sam", name: "Sam Second" };

  it("records who the claim went from and to, by name, and checks the version", () => {
    expect(planReassign(claim(), 3, from, to)).toEqual({
      expectedVersion: 3,
      version: 4,
      event: { kind: "reassigned", fromValue: "Erin Editor", toValue: "Sam Second" },
    });
    expect(problemOf(() => planReassign(claim(), 2, from, to)).kind).toBe("conflict");
    expect(problemOf(() => planReassign(null, 3, from, to)).kind).toBe("not_found");
  });
});

describe("composing the answer without reading it back", () => {
  const author = { id: OWNER, name: "Erin Editor" };

  it("describes a new claim from its plan", () => {
    const plan = planCreate(TEXT, {
      position: at(BUDGET),
      quote: { exact: BUDGET, prefix: "", suffix: "" },
      note: "n",
    });
    const when = new Date("2026-12-01T10:00:00.000Z");
    expect(createdDetails(plan, { id: "c1", articleId: "a1", author, at: when, revision: 2 })).toEqual<ClaimDetails>({
      id: "c1",
      articleId: "a1",
      author,
      revision: 2,
      position: at(BUDGET),
      quote: { exact: BUDGET, prefix: plan.claim.prefix, suffix: plan.claim.suffix },
      anchor: { state: "placed", revision: 2, ...at(BUDGET), method: "position" },
      status: "UNVERIFIED",
      review: NO_REVIEW,
      note: "n",
      version: 1,
      createdAt: when.toISOString(),
      updatedAt: when.toISOString(),
      sources: [],
    });
  });

  it("applies an update to the claim read before it, sources in read order", () => {
    const before: ClaimDetails = {
      id: "c1",
      articleId: "a1",
      author,
      revision: 1,
      position: at(BUDGET),
      quote: { exact: BUDGET, prefix: "", suffix: "" },
      anchor: markedAnchor(1, at(BUDGET).start, at(BUDGET).end),
      status: "UNPROVEN",
      review: NO_REVIEW,
      note: "Asked the press office.",
      version: 3,
      createdAt: "2026-12-01T09:00:00.000Z",
      updatedAt: "2026-12-01T09:30:00.000Z",
      sources: [
        {
          id: "src-1",
          url: "https://a.org",
          title: "Council minutes",
          publisher: null,
          excerpt: null,
          addedBy: author,
          createdAt: "2026-12-01T09:10:00.000Z",
        },
        {
          id: "src-2",
          url: "https://b.org",
          title: "Press release",
          publisher: null,
          excerpt: null,
          addedBy: author,
          createdAt: "2026-12-01T09:20:00.000Z",
        },
      ],
    };
    const plan = planUpdate(
      { ...before, authorId: OWNER, sources: before.sources },
      {
        version: 3,
        status: "FALSE",
        removeSourceIds: ["src-1"],
        addSources: [source("https://c.org", "C"), source("https://d.org", "D")],
      },
      OWNER,
    );
    const when = new Date("2026-12-01T10:00:00.000Z");
    const columns = plan.addSources;
    const after = updatedDetails(before, plan, {
      at: when,
      addedBy: author,
      // The insert may return rows in any order.
      added: [
        { ...columns[1]!, id: "src-4", createdAt: when },
        { ...columns[0]!, id: "src-3", createdAt: when },
      ],
    });
    expect(after).toMatchObject({
      status: "FALSE",
      note: "Asked the press office.",
      version: 4,
      updatedAt: when.toISOString(),
    });
    expect(after.sources.map((s) => [s.id, s.title])).toEqual([
      ["src-2", "Press release"],
      ["src-3", "C"],
      ["src-4", "D"],
    ]);
    expect(after.createdAt).toBe(before.createdAt);
  });
});

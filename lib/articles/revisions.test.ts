import { describe, expect, it } from "vitest";
import { canEditArticle, planRevision, revisionFieldsSchema, type CurrentArticle } from "./revisions";

const owner = { id: "owner", role: "EDITOR" as const };
const colleague = { id: "colleague", role: "EDITOR" as const };
const admin = { id: "admin", role: "ADMIN" as const };

const current: CurrentArticle = {
  createdById: "owner",
  revision: 2,
  title: "Talks in Minsk",
  outlet: "Wire",
  body: '{"type":"doc"}',
  text: "Russia is open to talks. Minsk was chosen.",
};
const same = { meta: { title: "Talks in Minsk", outlet: "Wire" }, body: current.body, text: current.text };

describe("planRevision", () => {
  it("numbers the next revision and counts what changed", () => {
    const plan = planRevision(owner, current, { ...same, text: "Russia is open to talks. Belarus was chosen.", baseRevision: 2 });
    expect(plan).toMatchObject({ number: 3, charsAdded: "Belarus".length, charsRemoved: "Minsk".length });
  });

  it("lets the editor who added the article and admins edit, and nobody else", () => {
    expect(canEditArticle(owner, current)).toBe(true);
    expect(canEditArticle(admin, current)).toBe(true);
    expect(canEditArticle(colleague, current)).toBe(false);
    expect(() => planRevision(colleague, current, { ...same, text: "New text." })).toThrow(/Only the editor who added/);
  });

  it("refuses a revision started from an older one (409) and an identical one (422)", () => {
    expect(() => planRevision(owner, current, { ...same, text: "New.", baseRevision: 1 })).toThrow(
      expect.objectContaining({ kind: "conflict", message: expect.stringMatching(/saved revision 2/) }),
    );
    expect(() => planRevision(owner, current, same)).toThrow(
      expect.objectContaining({ kind: "invalid", message: expect.stringMatching(/Nothing changed/) }),
    );
  });

  it("counts a change of details alone as a revision", () => {
    expect(planRevision(owner, current, { ...same, meta: { ...same.meta, title: "Talks in Belarus" } })).toMatchObject({
      number: 3,
      charsAdded: 0,
      charsRemoved: 0,
    });
  });
});

describe("revisionFieldsSchema", () => {
  it("reads the change note and the base revision from form fields", () => {
    expect(revisionFieldsSchema.parse({ note: "Fixed a typo", baseRevision: "3" })).toEqual({ note: "Fixed a typo", baseRevision: 3 });
  });

  it("refuses an overlong note and a base revision that is not a number", () => {
    expect(revisionFieldsSchema.safeParse({ note: "x".repeat(501) }).success).toBe(false);
    expect(revisionFieldsSchema.safeParse({ baseRevision: "two" }).success).toBe(false);
    expect(revisionFieldsSchema.safeParse({ baseRevision: "0" }).success).toBe(false);
    expect(revisionFieldsSchema.parse({ baseRevision: "" })).toEqual({ note: "" });
  });
});

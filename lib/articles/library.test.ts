import { describe, expect, it } from "vitest";
import { addToProgress, emptyProgress, libraryQuerySchema, progressSummary, signedOffPercent } from "./library";

describe("library progress", () => {
  it("adds groups of claims by status and review state", () => {
    const progress = emptyProgress();
    addToProgress(progress, { status: "VERIFIED", reviewState: "signed_off", count: 3 });
    addToProgress(progress, { status: "FALSE", reviewState: "awaiting_review", count: 2 });
    addToProgress(progress, { status: "UNVERIFIED", reviewState: "none", count: 3 });
    expect(progress.byStatus).toMatchObject({ VERIFIED: 3, FALSE: 2, UNVERIFIED: 3, MISLEADING: 0 });
    expect(progress.total).toBe(8);
    expect(signedOffPercent(progress)).toBe(37);
    expect(progressSummary(progress)).toBe("3 of 8 signed off, 2 awaiting review");
  });

  it("says so when there are no claims", () => {
    expect(signedOffPercent(emptyProgress())).toBeNull();
    expect(progressSummary(emptyProgress())).toBe("No claims yet");
  });
});

describe("library query", () => {
  it("defaults to newest and refuses unknown sorts, bad cursors and extra fields", () => {
    expect(libraryQuerySchema.parse({})).toEqual({ sort: "newest" });
    expect(libraryQuerySchema.safeParse({ sort: "random" }).success).toBe(false);
    expect(libraryQuerySchema.safeParse({ cursor: "-1" }).success).toBe(false);
    expect(libraryQuerySchema.safeParse({ cursor: "999999" }).success).toBe(false);
    expect(libraryQuerySchema.safeParse({ page: "2" }).success).toBe(false);
  });
});

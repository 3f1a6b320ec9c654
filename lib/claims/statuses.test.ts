import { describe, expect, it } from "vitest";
import { BEST_RATING, STATUSES, STATUS_INFO, WORST_RATING, statusRuleViolation } from "./statuses";

describe("claim statuses", () => {
  it("refuses Verified without a source and says what to do", () => {
    expect(statusRuleViolation("VERIFIED", 0)).toBe("Add at least one source before marking this claim as Verified.");
    expect(statusRuleViolation("VERIFIED", 1)).toBeNull();
  });

  it("lets a claim stay Unverified or Unproven without sources", () => {
    expect(statusRuleViolation("UNVERIFIED", 0)).toBeNull();
    expect(statusRuleViolation("UNPROVEN", 0)).toBeNull();
  });

  it("maps every verdict to a distinct ClaimReview rating inside the scale, and Unverified to none", () => {
    const ratings = STATUSES.map((status) => STATUS_INFO[status].rating).filter((rating) => rating !== null);
    expect(STATUS_INFO.UNVERIFIED.rating).toBeNull();
    expect(ratings).toHaveLength(STATUSES.length - 1);
    expect(new Set(ratings.map((rating) => rating.value)).size).toBe(ratings.length);
    for (const rating of ratings) {
      expect(rating.value).toBeGreaterThanOrEqual(WORST_RATING);
      expect(rating.value).toBeLessThanOrEqual(BEST_RATING);
    }
  });
});

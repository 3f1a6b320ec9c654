import { describe, expect, it } from "vitest";
import { accountKeyOf, SIGN_IN_WINDOW_SECONDS, tooManyAttemptsMessage } from "./sign-in-limits";

describe("sign-in limits", () => {
  it("counts an email however it is typed under one key", () => {
    expect(accountKeyOf("  Editor@Newsroom.Example ")).toBe("editor@newsroom.example");
    expect(accountKeyOf(undefined)).toBe("");
    expect(accountKeyOf("x".repeat(1000))).toHaveLength(320);
  });

  it("tells how many whole minutes to wait, rounding up", () => {
    expect(tooManyAttemptsMessage(SIGN_IN_WINDOW_SECONDS)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(14 * 60 + 1)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(59)).toBe("Too many sign-in attempts. Try again in 1 minute.");
    expect(tooManyAttemptsMessage(0)).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });
});

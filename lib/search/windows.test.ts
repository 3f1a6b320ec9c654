import { describe, expect, it } from "vitest";
import { FIRST_WINDOW, firstWindow, nextWindow } from "./windows";

describe("search windows", () => {
  it("search a small table whole, a large one newest rows first", () => {
    expect(firstWindow(1_000)).toBeNull();
    expect(firstWindow(200_000)).toBe(FIRST_WINDOW);
  });

  it("grow from the density of matches seen: at least double, enough for what is wanted", () => {
    // 100 of 1,001 wanted in 16,384 rows: ~164,000 rows needed, with headroom.
    expect(nextWindow(16_384, 100, 1_001, 1_000_000)).toBe(Math.ceil((1_001 / (100 / 16_384)) * 1.25));
    // Nearly enough already: still at least twice as wide.
    expect(nextWindow(16_384, 1_000, 1_001, 1_000_000)).toBe(32_768);
  });

  it("give way to one pass over the whole table when matches are sparse or none", () => {
    expect(nextWindow(16_384, 0, 1_001, 1_000_000)).toBeNull();
    expect(nextWindow(16_384, 10, 1_001, 200_000)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site, query included", () => {
    expect(safeReturnPath("/articles/abc?x=1")).toBe("/articles/abc?x=1");
  });

  it.each([undefined, "", "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login"])(
    "sends %s to the library instead",
    (value) => {
      expect(safeReturnPath(value)).toBe("/articles");
    },
  );
});

import { describe, expect, it } from "vitest";
import { costOf, hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the password it hashed and refuses another", async () => {
    const hash = await hashPassword("factline-demo");
    expect(hash).not.toContain("factline-demo");
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    await expect(verifyPassword("factline-demo", hash)).resolves.toBe(true);
    await expect(verifyPassword("factline-dem0", hash)).resolves.toBe(false);
  });

  it("salts each hash, so equal passwords do not share a hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
  });

  it("checks unknown emails against a hash as costly as a real one", async () => {
    expect(costOf(UNKNOWN_USER_HASH)).toBe(costOf(await hashPassword("anything")));
    await expect(verifyPassword("", UNKNOWN_USER_HASH)).resolves.toBe(false);
  });
});

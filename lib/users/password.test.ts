import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

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
});

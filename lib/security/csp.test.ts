import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, newNonce, nonceOf, pageContentSecurityPolicy } from "./csp";

describe("content security policy", () => {
  it("allows scripts only with the request's nonce, and eval only in development", () => {
    const policy = pageContentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(pageContentSecurityPolicy("abc123", { development: true })).toContain("'unsafe-eval'");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(nonceOf(policy)).toBe("abc123");
  });

  it("makes a different, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("is the policy next.config.js sends with API answers", () => {
    expect(fs.readFileSync("next.config.js", "utf8")).toContain(`value: "${API_CONTENT_SECURITY_POLICY}"`);
  });
});

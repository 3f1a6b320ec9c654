import { describe, expect, it } from "vitest";
import { readServerEnv } from "@/lib/server/env";

describe("server environment", () => {
  it("refuses to run in production without a session secret, saying how to set one", () => {
    expect(() => readServerEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET is not set.*openssl rand/);
  });

  it("runs in production with a secret, and in development without one", () => {
    expect(readServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).NEXTAUTH_SECRET).toHaveLength(32);
    expect(() => readServerEnv({ NODE_ENV: "development" })).not.toThrow();
  });
});

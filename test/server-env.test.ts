import { describe, expect, it } from "vitest";
import { readServerEnv } from "@/lib/server/env";

describe("server environment", () => {
  it("refuses to run in production without a session secret, saying how to set one", () => {
    expect(() => readServerEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET is not set.*openssl rand/);
  });

  it("runs in production with a secret, and in development without one", () => {
    expect(readServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).nextAuthSecret).toHaveLength(32);
    expect(() => readServerEnv({ NODE_ENV: "development" })).not.toThrow();
  });

  it("picks the database from DATABASE_URL's scheme, SQLite by default", () => {
    expect(readServerEnv({ NODE_ENV: "test" }).database.provider).toBe("sqlite");
    const postgres = readServerEnv({ NODE_ENV: "test", DATABASE_URL: "postgresql://desk:pw@db.internal:6543/factline" }).database;
    expect(postgres).toMatchObject({ provider: "postgresql", host: "db.internal:6543", database: "factline" });
  });

  it("refuses an unknown scheme or a PostgreSQL URL without a database, saying what to write", () => {
    expect(() => readServerEnv({ NODE_ENV: "test", DATABASE_URL: "mysql://localhost/factline" })).toThrow(
      /unknown scheme "mysql:".*file:PATH.*postgresql:\/\//,
    );
    expect(() => readServerEnv({ NODE_ENV: "test", DATABASE_URL: "postgresql://localhost:5432" })).toThrow(/names no database/);
  });

  it("uses the configured organisation and public URL without a trailing slash", () => {
    const config = readServerEnv({ NODE_ENV: "test", FACTLINE_ORGANIZATION: " Desk ", NEXTAUTH_URL: "https://desk.example.org/" });
    expect(config).toMatchObject({ organization: "Desk", publicUrl: "https://desk.example.org", https: true });
    expect(readServerEnv({ NODE_ENV: "test", NEXTAUTH_URL: "http://localhost:3000" }).https).toBe(false);
  });

  it("trusts forwarded headers only when FACTLINE_TRUST_PROXY says so, and names the setting when it is wrong", () => {
    expect(readServerEnv({ NODE_ENV: "test" }).trustProxy).toBe(false);
    expect(readServerEnv({ NODE_ENV: "test", FACTLINE_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(readServerEnv({ NODE_ENV: "test", FACTLINE_TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(readServerEnv({ NODE_ENV: "test", FACTLINE_TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(() => readServerEnv({ NODE_ENV: "test", FACTLINE_TRUST_PROXY: "yes" })).toThrow(/FACTLINE_TRUST_PROXY must be true/);
  });
});

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A folder that cannot be made, even by root: its parent is a file.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "factline-start-up-"));
fs.writeFileSync(path.join(scratch, "a-file"), "");
const unwritable = path.join(scratch, "a-file", "data", "factline.db");
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** `npm start`'s script with DATABASE_URL set; resolves with its exit code and what it printed. */
function start(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "3999", NODE_ENV: "production" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output: output.trim() }));
  });
}

const adminUrl = process.env.FACTLINE_TEST_POSTGRES_ADMIN_URL;

// Each case starts a process (about 2 s, more on a busy machine).
describe("npm start with a DATABASE_URL that cannot work", { timeout: 60_000, concurrent: true }, () => {
  it.each([
    ["an unknown scheme", "mysql://localhost/factline", /unknown scheme "mysql:".*postgresql:\/\/USER:PASSWORD@HOST:5432\/DATABASE/],
    ["a refused connection", "postgresql://factline:pw@127.0.0.1:1/factline", /Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\): start the server/],
    ["a folder that cannot be written", `file:${unwritable}`, /The SQLite database .*a-file\/data\/factline\.db cannot be written \(ENOTDIR\): make its folder writable/],
  ])("stops with one sentence for %s, and a non-zero exit", async (_case, url, message) => {
    const { code, output } = await start(url);
    expect(code).not.toBe(0);
    expect(output).toMatch(message);
    // One sentence, not a stack trace, and no server started.
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain("Factline: http://");
  });

  it.runIf(adminUrl)("stops with one sentence for a wrong password or a missing database", async () => {
    const server = new URL(adminUrl!);
    const wrongPassword = await start(`postgresql://postgres:not-the-password@${server.host}/postgres`);
    expect(wrongPassword.code).not.toBe(0);
    expect(wrongPassword.output).toMatch(/refused user "postgres" with this password: fix the user name or password/);
    const missing = await start(`postgresql://${server.username}:${server.password}@${server.host}/no_such_db`);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/The database "no_such_db" does not exist .*createdb no_such_db/);
  });
});

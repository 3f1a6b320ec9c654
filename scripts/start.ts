/**
 * `npm start`: the embedded default in one command. Migrates and (when empty) seeds the SQLite
 * database, builds the production bundle when it is missing or stale, then serves it.
 */
import { spawn } from "node:child_process";
import { buildIsFresh, markBuilt, sourceHash } from "./lib/build-freshness";
import { applyEmbeddedEnv } from "./lib/embedded-env";
import { prepareDatabase } from "./lib/prepare-db";
import { run } from "./lib/run";

async function main(): Promise<void> {
  const { port } = applyEmbeddedEnv();
  await prepareDatabase();

  const hash = sourceHash();
  if (!buildIsFresh(hash)) {
    console.log("Building the production bundle (about a minute on 2 cores)...");
    run("next", ["build"], { stdio: "inherit" });
    markBuilt(hash);
  }

  console.log(`Factline: http://localhost:${port}`);
  const server = spawn("node_modules/.bin/next", ["start", "-p", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

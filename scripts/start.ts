/**
 * `npm start`: the embedded default in one command. Migrates and (when empty) seeds the SQLite
 * database, builds the production bundle when it is missing or stale, then serves it.
 */
import { buildIsFresh, markBuilt, sourceHash } from "./lib/build-freshness";
import { applyEmbeddedEnv } from "./lib/embedded-env";
import { prepareDatabase } from "./lib/prepare-db";
import { run, runMain, serveNext } from "./lib/run";

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
  serveNext(["start", "-p", port]);
}

runMain(main);

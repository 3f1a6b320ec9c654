/**
 * `npm start`: one command. Checks and migrates the configured database (the embedded SQLite by
 * default, PostgreSQL when DATABASE_URL says so), seeds it when empty, builds the production bundle
 * when it is missing or stale, then serves it.
 */
import { buildIsFresh, markBuilt, sourceHash } from "./lib/build-freshness";
import { withBuildLock } from "./lib/build-lock";
import { buildImportWorker } from "./lib/import-worker";
import { applyEmbeddedEnv } from "./lib/embedded-env";
import { prepareDatabase } from "./lib/prepare-db";
import { run, runMain, serveNext } from "./lib/run";

async function main(): Promise<void> {
  const { port } = applyEmbeddedEnv();
  await prepareDatabase();

  await withBuildLock(async () => {
    // Always (it takes a moment): the worker bundle must match the source being served (decision 0010).
    await buildImportWorker();
    const hash = sourceHash();
    if (buildIsFresh(hash)) return;
    console.log("Building the production bundle (about a minute on 2 cores)...");
    run("next", ["build"], { stdio: "inherit" });
    markBuilt(hash);
  });

  console.log(`Factline: http://localhost:${port}`);
  serveNext(["start", "-p", port]);
}

runMain(main);

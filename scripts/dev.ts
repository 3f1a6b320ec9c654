/** `npm run dev`: the embedded default's database and secret, with Next's development server. */
import { applyEmbeddedEnv } from "./lib/embedded-env";
import { watchImportWorker } from "./lib/import-worker";
import { prepareDatabase } from "./lib/prepare-db";
import { runMain, serveNext } from "./lib/run";

async function main(): Promise<void> {
  const { port } = applyEmbeddedEnv();
  await prepareDatabase();
  // Imports run in a worker bundled apart from Next's own build (decision 0010); kept current here.
  await watchImportWorker();
  serveNext(["dev", "-p", port]);
}

runMain(main);

/**
 * Bundles the import worker into generated/import-worker.mjs (decision 0010). Run by
 * `postinstall`, `npm run build` and `npm start`, so the bundle always matches the source.
 */
import { buildImportWorker } from "./lib/import-worker";
import { runMain } from "./lib/run";

runMain(async () => {
  const file = await buildImportWorker();
  console.log(`Bundled the import worker: ${file}`);
});

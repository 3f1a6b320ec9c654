/** Unit tests run the import pool's real worker: bundled from the current source before the run. */
import { buildImportWorker } from "../../scripts/lib/import-worker";

export default async function setup(): Promise<void> {
  await buildImportWorker();
}

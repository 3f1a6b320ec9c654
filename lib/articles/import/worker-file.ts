/** Where the import worker's source and its bundle live, relative to the project root (decision 0010). */
export const IMPORT_WORKER_SOURCE = "lib/articles/import/worker.ts";
export const IMPORT_WORKER_BUNDLE = "generated/import-worker.mjs";

/**
 * The import worker: what one piscina worker thread runs per upload (lib/server/import-pool.ts).
 * It is bundled, with the rest of lib/articles/import, into generated/import-worker.mjs by
 * scripts/build-import-worker.ts (decision 0010), because the server's own bundle has no file
 * a worker thread could load.
 */
import type { ArticleFormat } from "./detect";
import { ArticleImportError } from "./errors";
import { importArticle, type ImportedArticle } from "./index";

export interface ImportJob {
  format: ArticleFormat;
  data: Uint8Array | string;
  /** Written when the job starts running, so the pool times the run and not the wait in its queue. */
  startedAt: BigInt64Array;
}

/** Refusals travel as data: an Error's class (ArticleImportError) does not survive postMessage. */
export type ImportJobResult = { ok: true; article: ImportedArticle } | { ok: false; message: string };

export default async function runImportJob(job: ImportJob): Promise<ImportJobResult> {
  Atomics.store(job.startedAt, 0, BigInt(Date.now()));
  const data =
    typeof job.data === "string" ? job.data : Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  try {
    return { ok: true, article: await importArticle({ format: job.format, data }) };
  } catch (error) {
    if (error instanceof ArticleImportError) return { ok: false, message: error.message };
    throw error; // a bug: the pool lets it become a 500 with the stack in the log
  }
}

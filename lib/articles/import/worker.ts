/**
 * The import worker: what one piscina worker thread runs per upload (lib/server/import-pool.ts).
 * It is bundled, with the rest of lib/articles/import, into generated/import-worker.mjs by
 * scripts/build-import-worker.ts (decision 0010), because the server's own bundle has no file
 * a worker thread could load.
 */
import type { ArticleFormat } from "./detect";
import { ArticleImportError } from "./errors";
import { importArticle } from "./index";

export interface ImportJob {
  format: ArticleFormat;
  data: Uint8Array | string;
  /** Written when the job starts running, so the pool times the run and not the wait in its queue. */
  startedAt: BigInt64Array;
}

/**
 * The article as it is stored: the document as JSON, and its plain text. Two strings cross to
 * the server's thread in a copy, where the document's object graph would cost it a structured
 * clone and a JSON.stringify (tens of milliseconds for a long article, with GC pauses).
 */
export interface SerializedArticle {
  body: string;
  text: string;
}

/** Refusals travel as data: an Error's class (ArticleImportError) does not survive postMessage. */
export type ImportJobResult = { ok: true; article: SerializedArticle } | { ok: false; message: string };

export default async function runImportJob(job: ImportJob): Promise<ImportJobResult> {
  Atomics.store(job.startedAt, 0, BigInt(Date.now()));
  const data =
    typeof job.data === "string" ? job.data : Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  try {
    const { doc, text } = await importArticle({ format: job.format, data });
    return { ok: true, article: { body: JSON.stringify(doc), text } };
  } catch (error) {
    if (error instanceof ArticleImportError) return { ok: false, message: error.message };
    throw error; // a bug: the pool lets it become a 500 with the stack in the log
  }
}

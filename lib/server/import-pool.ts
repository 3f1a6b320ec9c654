import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Piscina } from "piscina";
import { Problem } from "@/lib/errors";
import type { ArticleFormat } from "@/lib/articles/import";
import {
  IMPORT_BUSY_RETRY_AFTER_SECONDS,
  IMPORT_MEMORY_LIMIT_MB,
  IMPORT_QUEUE_LIMIT,
  IMPORT_QUEUE_WAIT_LIMIT_MS,
  IMPORT_TIME_LIMIT_MS,
  IMPORT_WORKERS,
  IMPORT_WORKER_NICE_INCREMENT,
} from "@/lib/articles/import/limits";
import { IMPORT_WORKER_BUNDLE } from "@/lib/articles/import/worker-file";
import type { ImportJob, ImportJobResult, SerializedArticle } from "@/lib/articles/import/worker";

export interface ImportPoolOptions {
  /** The bundled worker (decision 0010); by default the project's, found from the working directory. */
  filename: string;
  timeLimitMs: number;
  memoryLimitMb: number;
  workers: number;
  queueLimit: number;
  queueWaitLimitMs: number;
}

const DEFAULTS: Omit<ImportPoolOptions, "filename"> = {
  timeLimitMs: IMPORT_TIME_LIMIT_MS,
  memoryLimitMb: IMPORT_MEMORY_LIMIT_MB,
  workers: IMPORT_WORKERS,
  queueLimit: IMPORT_QUEUE_LIMIT,
  queueWaitLimitMs: IMPORT_QUEUE_WAIT_LIMIT_MS,
};

const SPLIT_OR_TXT = "split it into several articles, or upload it as plain text (.txt).";

/**
 * Imports run in worker threads, never on the server's event loop: converting a hostile
 * upload is CPU-bound for seconds, and every other request would wait for it. Each job has a
 * time cap (its worker is terminated past it) and a memory cap (the worker dies, not the
 * server); both answer the upload with a 4xx, and the pool replaces the worker.
 */
export class ImportPool {
  private readonly pool: Piscina<ImportJob, ImportJobResult>;
  private readonly options: ImportPoolOptions;

  constructor(options: Partial<ImportPoolOptions> = {}) {
    this.options = { ...DEFAULTS, ...options, filename: options.filename ?? defaultWorkerFile() };
    this.pool = new Piscina({
      filename: this.options.filename,
      minThreads: 1,
      maxThreads: this.options.workers,
      // One job at a time per worker: the time cap terminates the whole thread.
      concurrentTasksPerWorker: 1,
      maxQueue: this.options.queueLimit,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb },
      // Below the event loop's priority (Linux nice is per thread): when an import and a request
      // compete for a core, the request goes first. The import still gets all of an idle core.
      niceIncrement: IMPORT_WORKER_NICE_INCREMENT,
    });
  }

  /** The article as a sanitized document (as stored); Problem (4xx/503) for anything the import refuses. */
  async import(input: { format: ArticleFormat; data: Buffer | string }): Promise<SerializedArticle> {
    if (this.pool.queueSize >= this.options.queueLimit) throw busy();
    // A copy of just the bytes (a Buffer may be a view of a larger one), moved, not cloned.
    const data = typeof input.data === "string" ? input.data : new Uint8Array(input.data);
    const startedAt = new BigInt64Array(new SharedArrayBuffer(8));
    const deadline = new JobDeadline(startedAt, this.options);
    try {
      const result = await this.pool.run(
        { format: input.format, data, startedAt },
        { signal: deadline.signal, transferList: typeof data === "string" ? [] : [data.buffer] },
      );
      if (!result.ok) throw new Problem("invalid", result.message);
      return result.article;
    } catch (error) {
      throw deadline.exceeded ?? problemFromWorkerError(error, this.options);
    } finally {
      deadline.clear();
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * Aborts a job that has run longer than the time cap (piscina then terminates its worker) or
 * waited in the queue longer than the wait cap. The worker writes its start time into
 * `startedAt`, so time spent waiting behind other imports never counts as the job's own.
 */
class JobDeadline {
  private readonly controller = new AbortController();
  private readonly submittedAt = Date.now();
  private timer: NodeJS.Timeout;
  exceeded: Problem | undefined;

  constructor(
    private readonly startedAt: BigInt64Array,
    private readonly limits: Pick<ImportPoolOptions, "timeLimitMs" | "queueWaitLimitMs">,
  ) {
    this.timer = setTimeout(() => this.check(), Math.min(limits.timeLimitMs, limits.queueWaitLimitMs));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private check(): void {
    const now = Date.now();
    const started = Number(Atomics.load(this.startedAt, 0));
    let wait: number;
    if (started === 0) {
      wait = this.submittedAt + this.limits.queueWaitLimitMs - now;
      if (wait <= 0) return this.abort(busy());
      wait = Math.min(wait, this.limits.timeLimitMs);
    } else {
      wait = started + this.limits.timeLimitMs - now;
      if (wait <= 0) return this.abort(tookTooLong(this.limits.timeLimitMs));
    }
    this.timer = setTimeout(() => this.check(), wait);
  }

  private abort(problem: Problem): void {
    this.exceeded = problem;
    this.controller.abort(problem.message);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

function problemFromWorkerError(error: unknown, options: ImportPoolOptions): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new Problem(
      "too_large",
      `This article is too large to convert (it needed more than ${options.memoryLimitMb} MB of memory): ${SPLIT_OR_TXT}`,
    );
  }
  // piscina's own words when its queue is full (a race with the check before submitting).
  if (error instanceof Error && /queue is at limit/i.test(error.message)) return busy();
  return error;
}

function busy(): Problem {
  return new Problem("busy", "Factline is busy importing other articles; try again in a minute.", undefined, {
    retryAfterSeconds: IMPORT_BUSY_RETRY_AFTER_SECONDS,
  });
}

function tookTooLong(limitMs: number): Problem {
  return new Problem(
    "invalid",
    `Converting this article took longer than ${limitMs / 1000} seconds, so it was stopped: ${SPLIT_OR_TXT}`,
  );
}

/**
 * The bundle `npm run build`, `npm start` and `postinstall` write (scripts/build-import-worker.ts).
 * turbopackIgnore: a path built from process.cwd() would otherwise make Turbopack trace the
 * whole project as files this route might read.
 */
function defaultWorkerFile(): string {
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), IMPORT_WORKER_BUNDLE);
  if (!fs.existsSync(file)) {
    throw new Error(`The import worker ${file} is missing: run \`npm run build\` (or \`npx tsx scripts/build-import-worker.ts\`).`);
  }
  return file;
}

// One pool per server process; kept on globalThis so that reloading this module in development
// does not start another set of workers.
const holder = globalThis as typeof globalThis & { factlineImportPool?: ImportPool };

/** Imports an uploaded or pasted article in the server's worker pool (see ImportPool). */
export function importInWorker(input: { format: ArticleFormat; data: Buffer | string }): Promise<SerializedArticle> {
  holder.factlineImportPool ??= new ImportPool();
  return holder.factlineImportPool.import(input);
}

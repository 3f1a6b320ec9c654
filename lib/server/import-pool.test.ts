import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Problem } from "@/lib/errors";
import { importArticle, type ArticleFormat } from "@/lib/articles/import";
import { longDocx, paragraphBombDocx } from "@/test/fixtures/import/bombs";
import { ImportPool, type ImportPoolOptions } from "./import-pool";

// These run the real worker: generated/import-worker.mjs, bundled from the current source by
// the unit project's global setup (test/setup/import-worker.ts).

const FIXTURES = path.join(__dirname, "../../test/fixtures/import");

// Takes seconds to convert (105,000 XML elements) but is within every limit: only the pool's
// own caps can stop it.
const SLOW_DOCX = longDocx(15_000);

const pools: ImportPool[] = [];
function pool(options: Partial<ImportPoolOptions> = {}): ImportPool {
  const created = new ImportPool(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function problemOf(work: Promise<unknown>): Promise<Problem> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  return error as Problem;
}

/** Ticks every 10 ms on this (the main) thread until stopped; the longest gap says how blocked it was. */
function heartbeat() {
  let last = performance.now();
  let longestGap = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks++;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return { longestGap, ticks };
    },
  };
}

describe("ImportPool", () => {
  it("imports in a worker exactly what importArticle makes in process, serialized as stored", async () => {
    const imports = pool();
    const inProcess = async (format: ArticleFormat, data: Buffer | string) => {
      const { doc, text } = await importArticle({ format, data });
      return { body: JSON.stringify(doc), text };
    };
    const docx = await readFile(path.join(FIXTURES, "sample.docx"));
    expect(await imports.import({ format: "docx", data: docx })).toEqual(await inProcess("docx", docx));
    const markdown = "# Budget\n\nThe council **approved** it on [Tuesday](https://example.org/vote).\n\n- one\n- two\n";
    expect(await imports.import({ format: "md", data: markdown })).toEqual(await inProcess("md", markdown));
  });

  it("answers a refused upload with the import's message, as a 422", async () => {
    const problem = await problemOf(pool().import({ format: "docx", data: paragraphBombDocx() }));
    expect(problem.kind).toBe("invalid");
    expect(problem.message).toMatch(/^This document has more than 20,000 paragraphs/);
  });

  it("stops a job past its time limit without blocking the main thread, then serves the next job", async () => {
    const imports = pool({ timeLimitMs: 300 });
    const beat = heartbeat();
    const started = performance.now();
    const problem = await problemOf(imports.import({ format: "docx", data: SLOW_DOCX }));
    const elapsed = performance.now() - started;
    const { longestGap, ticks } = beat.stop();

    expect(problem.kind).toBe("invalid");
    expect(problem.message).toBe(
      "Converting this article took longer than 0.3 seconds, so it was stopped: split it into several " +
        "articles, or upload it as plain text (.txt).",
    );
    // The cap counts from the job's start in its worker (after the worker itself has started).
    expect(elapsed).toBeLessThan(5_000);
    // Meanwhile this thread kept ticking: the conversion ran elsewhere (in process it blocks for seconds).
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(500); // in process, this conversion blocks for seconds

    const { text } = await imports.import({ format: "txt", data: "The pool lives on." });
    expect(text).toBe("The pool lives on.");
  });

  it("answers a job past its memory limit as too large (413), and serves the next job", async () => {
    const imports = pool({ memoryLimitMb: 24 });
    const problem = await problemOf(imports.import({ format: "docx", data: SLOW_DOCX }));
    expect(problem.kind).toBe("too_large");
    expect(problem.message).toBe(
      "This article is too large to convert (it needed more than 24 MB of memory): split it into several " +
        "articles, or upload it as plain text (.txt).",
    );
    expect((await imports.import({ format: "txt", data: "Still here." })).text).toBe("Still here.");
  });

  it("answers busy (503, retry in a minute) when its queue is full", async () => {
    const imports = pool({ workers: 1, queueLimit: 1 });
    const running = imports.import({ format: "docx", data: SLOW_DOCX }).catch(() => null);
    const queued = imports.import({ format: "docx", data: SLOW_DOCX }).catch(() => null);
    const problem = await problemOf(imports.import({ format: "txt", data: "One too many." }));
    expect(problem.kind).toBe("busy");
    expect(problem.message).toBe("Factline is busy importing other articles; try again in a minute.");
    expect(problem.options.retryAfterSeconds).toBe(60);
    await imports.close();
    await Promise.all([running, queued]);
  });

  it("answers busy when a job waited too long for a worker, without counting the wait as its run time", async () => {
    const imports = pool({ workers: 1, queueWaitLimitMs: 200 });
    const running = imports.import({ format: "docx", data: SLOW_DOCX }).catch(() => null);
    const problem = await problemOf(imports.import({ format: "txt", data: "Waiting." }));
    expect(problem.kind).toBe("busy");
    await imports.close();
    await running;
  });
});

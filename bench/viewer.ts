/**
 * `npm run bench:viewer`: how long the article page takes to become interactive with 1,000
 * highlights drawn, against the same article without claims, in Chromium on the production build
 * (see bench/README.md, "Viewer").
 *
 * 1. builds the production bundle into `.next-bench` when missing or stale (as bench:annotations);
 * 2. seeds a fresh SQLite database: bench:annotations' article with 1,000 claims of three sources
 *    each, and a copy of the article without claims;
 * 3. starts `next start` on port 3520 and signs in;
 * 4. prints the claims payload (GET /api/articles/{id}/annotations, raw and gzipped) and its 304 path;
 * 5. loads each article in Debian's Chromium, alternating, in a fresh context each time, and times
 *    navigation start → editor mounted → every highlight drawn → interactive;
 * 6. prints the figures and writes them to bench/results/viewer.json.
 */
import crypto from "node:crypto";
import path from "node:path";
import { chromium, type Cookie } from "@playwright/test";
import { signIn } from "./lib/auth";
import { ensureBenchBuild } from "./lib/build";
import { BENCH, BENCH_EDITOR, sqliteUrlOf } from "./lib/config";
import { killAllServers, startServer } from "./lib/server-process";
import { VIEWER_BENCH, VIEWER_DATABASE, VIEWER_LOG, VIEWER_RESULTS_FILE } from "./lib/viewer/config";
import { seedViewerDatabase } from "./lib/viewer/data";
import { launchOptions, loadPage, type PageLoad, type Variant } from "./lib/viewer/load-page";
import { measurePayload } from "./lib/viewer/payload";
import { buildReport, printReport, writeReport } from "./lib/viewer/report";

const SCREENSHOT = path.join(process.cwd(), "data", "bench-viewer.png");

function cookiesOf(header: string, url: string): Cookie[] {
  const { hostname } = new URL(url);
  return header.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return {
      name: pair.slice(0, at),
      value: pair.slice(at + 1),
      domain: hostname,
      path: "/",
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: "Lax",
    };
  });
}

async function main(): Promise<void> {
  ensureBenchBuild();

  console.log(`Seeding ${VIEWER_BENCH.claims} claims with ${VIEWER_BENCH.sourcesPerClaim} sources each...`);
  const data = await seedViewerDatabase(VIEWER_DATABASE);

  const port = VIEWER_BENCH.port;
  const server = await startServer({
    name: "Factline (next start)",
    command: path.join("node_modules", ".bin", "next"),
    args: ["start", "-p", String(port), "-H", "127.0.0.1"],
    env: {
      DATABASE_URL: sqliteUrlOf(VIEWER_DATABASE),
      NODE_ENV: "production",
      FACTLINE_DIST_DIR: BENCH.distDir,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    port,
    readyPath: "/api/auth/csrf",
    logFile: VIEWER_LOG,
  });
  const browser = await chromium.launch(launchOptions());
  try {
    console.log(`Server on ${server.url} (log in ${server.logFile}), Chromium ${browser.version()}`);
    const cookieHeader = await signIn(server.url, BENCH_EDITOR);
    const cookies = cookiesOf(cookieHeader, server.url);
    const payload = await measurePayload(server.url, data.articleId, cookieHeader);

    const articles: Record<Variant, { id: string; expected: number }> = {
      claims: { id: data.articleId, expected: payload.claims },
      reference: { id: data.referenceArticleId, expected: 0 },
    };
    const load = (variant: Variant, extra: { screenshot?: string; tracePath?: string } = {}) =>
      loadPage(browser, {
        url: `${server.url}/articles/${articles[variant].id}`,
        variant,
        expected: articles[variant].expected,
        cookies,
        serverPid: server.pid,
        ...extra,
      });

    for (let i = 0; i < VIEWER_BENCH.warmupRuns; i++) {
      console.log(`warm-up ${i + 1}/${VIEWER_BENCH.warmupRuns}`);
      await load("claims");
      await load("reference");
    }
    const loads: PageLoad[] = [];
    for (let i = 0; i < VIEWER_BENCH.runs; i++) {
      // ABBA: neither article always goes first, so a drift in the machine's load is shared.
      const order: Variant[] = i % 2 === 0 ? ["claims", "reference"] : ["reference", "claims"];
      for (const variant of order) {
        const result = await load(variant);
        loads.push(result);
        console.log(
          `run ${String(i + 1).padStart(2)} ${variant.padEnd(9)} interactive ${Math.round(result.interactiveAt)} ms ` +
            `(drawn ${Math.round(result.drawnAt)}, editor ${Math.round(result.editorAt)}, ` +
            `long tasks ${Math.round(result.longTaskMs)} ms)`,
        );
      }
    }
    // Not measured: what the page looks like with every highlight, and (BENCH_VIEWER_TRACE=1) a trace.
    await load("claims", {
      screenshot: SCREENSHOT,
      tracePath: process.env.BENCH_VIEWER_TRACE
        ? path.join(process.cwd(), "data", "bench-viewer-trace.json")
        : undefined,
    });
    console.log(`Screenshot of the article with its highlights: ${SCREENSHOT}`);

    const report = buildReport({
      chromium: browser.version(),
      chars: data.text.length,
      payload,
      loads,
      articleIds: { claims: data.articleId, reference: data.referenceArticleId },
    });
    printReport(report);
    await writeReport(report, VIEWER_RESULTS_FILE);
    console.log(`Written to ${VIEWER_RESULTS_FILE}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  killAllServers();
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

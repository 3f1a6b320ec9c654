import path from "node:path";

/** What `npm run bench:viewer` is parameterised by, in one place. */
export const VIEWER_BENCH = {
  /** Within the ports given to this benchmark (3520–3529); never 3100 (e2e) or 3300–3302 (bench:annotations). */
  port: 3520,
  claims: 1_000,
  sourcesPerClaim: 3,
  /** The same article as bench:annotations: the sample article's sentences, varied, about this long. */
  articleChars: 20_000,
  /** Measured page loads per article (BENCH_VIEWER_RUNS overrides it), alternating between the two. */
  runs: Number(process.env.BENCH_VIEWER_RUNS) || 11,
  /** Unmeasured loads of each article first: the server's lazy route modules, Chromium's code cache. */
  warmupRuns: 2,
  /** "Interactive" needs this long without a long task after every highlight is drawn (see README). */
  quietMs: 500,
  /** A load that is not interactive by then has failed. */
  timeoutMs: 60_000,
  viewport: { width: 1280, height: 800 },
} as const;

const dataFile = (name: string) => path.join(process.cwd(), "data", name);

export const VIEWER_DATABASE = dataFile("bench-viewer.db");
export const VIEWER_LOG = dataFile("bench-viewer-server.log");
export const VIEWER_RESULTS_FILE = path.join(process.cwd(), "bench", "results", "viewer.json");

/** Flags as in playwright.config.ts: Debian's Chromium, headless, nothing running in the background. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

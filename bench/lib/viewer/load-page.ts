import type { Browser, BrowserContext, Cookie } from "@playwright/test";
import { CHROMIUM, VIEWER_BENCH } from "./config";
import { watchOthersCpu, watchProcessCpu } from "./cpu";
import { pageProbeScript, type PageProbe } from "./page-probe";

export type Variant = "claims" | "reference";

/** One page load, in milliseconds since navigation start. */
export interface PageLoad {
  variant: Variant;
  /** First byte of the HTML (server time included), last byte, DOMContentLoaded end. */
  responseStart: number;
  responseEnd: number;
  domContentLoaded: number;
  /** The TipTap editor is in the DOM; it holds every highlight; the panel holds every card. */
  editorAt: number;
  highlightsAt: number;
  cardsAt: number;
  /** Every highlight is in the editor, every card in the panel, and the frame showing them has been rendered. */
  drawnAt: number;
  /** The headline figure: `drawnAt`, or the end of the last long task after it (see bench/README.md). */
  interactiveAt: number;
  /** The probe key press sent when everything was drawn: how long it waited for the main thread. */
  probeDelay: number | null;
  longTasks: number;
  /** Sum of the long tasks' durations up to `interactiveAt`. */
  longTaskMs: number;
  longestTaskMs: number;
  highlightIds: number;
  highlightSpans: number;
  /** Claim cards in the panel. */
  cards: number;
  /** The HTML document (with the inline RSC payload): bytes on the wire and decoded. */
  documentBytes: { transferred: number; decoded: number };
  /** CPU the server used during the load (the page and whatever it asked for), until the quiet window ended. */
  serverCpuMs: number | null;
  /** Share of the machine used by processes other than the benchmark, its server and its browser. */
  othersCpu: number | null;
}

export function launchOptions() {
  return { executablePath: CHROMIUM.executablePath, args: CHROMIUM.args, headless: true };
}

async function newContext(browser: Browser, cookies: Cookie[]): Promise<BrowserContext> {
  // A fresh context per load: an empty HTTP cache and no state left by the previous load.
  const context = await browser.newContext({ viewport: VIEWER_BENCH.viewport, deviceScaleFactor: 1 });
  await context.addCookies(cookies);
  return context;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads `url` in a fresh context and waits until every one of `expected` highlights is drawn and
 * the main thread has then had `quietMs` without a long task. With `screenshot` or `tracePath`,
 * also saves what the page looked like or a Chromium performance trace of the load.
 */
export async function loadPage(
  browser: Browser,
  options: {
    url: string;
    variant: Variant;
    expected: number;
    cookies: Cookie[];
    /** The server's process id, to count its CPU time. */
    serverPid: number;
    screenshot?: string;
    tracePath?: string;
  },
): Promise<PageLoad> {
  const context = await newContext(browser, options.cookies);
  try {
    const page = await context.newPage();
    let onDrawn = () => {};
    const drawn = new Promise<void>((resolve) => (onDrawn = resolve));
    await page.exposeFunction("__viewerBenchDrawn", () => onDrawn());
    await page.addInitScript({ content: pageProbeScript(options.expected) });
    if (options.tracePath) await browser.startTracing(page, { path: options.tracePath, screenshots: true });

    const othersCpu = watchOthersCpu();
    const serverCpu = watchProcessCpu(options.serverPid);
    const deadline = Date.now() + VIEWER_BENCH.timeoutMs;
    await page.goto(options.url, { waitUntil: "commit" });
    const timedOut = sleep(VIEWER_BENCH.timeoutMs).then(() => "timeout" as const);
    if ((await Promise.race([drawn, timedOut])) === "timeout") {
      const seen = await page.evaluate(() => window.__viewerBench ?? null);
      throw new Error(
        `${options.url}: ${seen?.editorAt == null ? "the editor never mounted" : `not all ${options.expected} highlights and cards`} within ${VIEWER_BENCH.timeoutMs} ms`,
      );
    }
    // The probe: a key that does nothing, sent the moment everything is drawn.
    await page.keyboard.press("Shift");

    let probe: PageProbe;
    for (;;) {
      const { now, state } = await page.evaluate(() => ({ now: performance.now(), state: window.__viewerBench! }));
      const lastBusy = Math.max(state.drawnAt!, ...state.longTasks.map((task) => task.end));
      if (now - lastBusy >= VIEWER_BENCH.quietMs && state.probe) {
        probe = state;
        break;
      }
      if (Date.now() > deadline) throw new Error(`${options.url}: the main thread never went quiet`);
      await sleep(100);
    }
    const others = othersCpu();
    const serverCpuMs = serverCpu();
    if (options.tracePath) await browser.stopTracing();

    const facts = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        responseStart: navigation.responseStart,
        responseEnd: navigation.responseEnd,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        transferred: navigation.transferSize,
        decoded: navigation.decodedBodySize,
      };
    });
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: false });

    const drawnAt = probe.drawnAt!;
    const interactiveAt = Math.max(drawnAt, ...probe.longTasks.map((task) => task.end));
    const counted = probe.longTasks.filter((task) => task.end <= interactiveAt);
    return {
      variant: options.variant,
      responseStart: facts.responseStart,
      responseEnd: facts.responseEnd,
      domContentLoaded: facts.domContentLoaded,
      editorAt: probe.editorAt!,
      highlightsAt: probe.highlightsAt!,
      cardsAt: probe.cardsAt!,
      drawnAt,
      interactiveAt,
      probeDelay: probe.probe ? probe.probe.handledAt - probe.probe.sentAt : null,
      longTasks: counted.length,
      longTaskMs: counted.reduce((sum, task) => sum + task.end - task.start, 0),
      longestTaskMs: Math.max(0, ...counted.map((task) => task.end - task.start)),
      highlightIds: probe.highlightIds,
      highlightSpans: probe.highlightSpans,
      cards: probe.cards,
      documentBytes: { transferred: facts.transferred, decoded: facts.decoded },
      serverCpuMs,
      othersCpu: others,
    };
  } finally {
    await context.close();
  }
}

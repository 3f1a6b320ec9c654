/**
 * What the benchmark runs inside the page, before any of the page's own scripts (an init script):
 * it watches for the moment the TipTap viewer shows every highlight and records the main thread's
 * long tasks, so that the benchmark can tell when the page became interactive.
 */

/** What the page reports (milliseconds since navigation start, `performance.now()`). */
export interface PageProbe {
  /** The first animation frame in which the TipTap editor (`.ProseMirror`) is in the DOM. */
  editorAt: number | null;
  /** The first animation frame in which the editor holds every expected highlight. */
  highlightsAt: number | null;
  /** The first animation frame in which the panel holds a card for every claim. */
  cardsAt: number | null;
  /**
   * Just after the rendering of the first frame in which the editor holds every expected
   * highlight and the panel a card for every claim.
   */
  drawnAt: number | null;
  /** Distinct `data-claim-id`s in the editor at `drawnAt`. */
  highlightIds: number;
  /** `[data-claim-id]` spans in the editor at `drawnAt` (a claim crossing marks or other claims has several). */
  highlightSpans: number;
  /** Claim cards (`<article>`) in the panel at `drawnAt`. */
  cards: number;
  /** Main-thread tasks of 50 ms or more (PerformanceObserver "longtask"). */
  longTasks: { start: number; end: number }[];
  /** The probe key press: when it reached the browser (`event.timeStamp`) and when its handler ran. */
  probe: { sentAt: number; handledAt: number } | null;
}

declare global {
  interface Window {
    __viewerBench?: PageProbe;
    /** Exposed by the benchmark: called at `drawnAt`, so that it can send the probe key press at once. */
    __viewerBenchDrawn?: () => Promise<void>;
  }
}

/**
 * Runs in the page (serialised by Playwright: no imports, no closures over this module).
 * `expected` is the number of claims the article must show, as highlights and as cards.
 */
export function installPageProbe(expected: number): void {
  const state: PageProbe = {
    editorAt: null,
    highlightsAt: null,
    cardsAt: null,
    drawnAt: null,
    highlightIds: 0,
    highlightSpans: 0,
    cards: 0,
    longTasks: [],
    probe: null,
  };
  window.__viewerBench = state;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });

  // The probe: a key press the benchmark sends as soon as everything is drawn.
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key === "Shift" && !state.probe)
        state.probe = { sentAt: event.timeStamp, handledAt: performance.now() };
    },
    { capture: true },
  );

  // Checked once per frame; what has been seen complete is not counted again (the probe's own
  // work would otherwise add a few milliseconds to every frame of the page it measures).
  const check = () => {
    const root = document.querySelector(".ProseMirror");
    if (root) {
      state.editorAt ??= performance.now();
      if (state.highlightsAt === null) {
        const spans = root.querySelectorAll("[data-claim-id]");
        const ids = new Set<string | null>();
        for (const span of spans) ids.add(span.getAttribute("data-claim-id"));
        if (ids.size >= expected) {
          state.highlightsAt = performance.now();
          state.highlightIds = ids.size;
          state.highlightSpans = spans.length;
        }
      }
      if (state.cardsAt === null) {
        const cards = document.querySelectorAll("[data-claims-panel] article").length;
        if (cards >= expected) {
          state.cardsAt = performance.now();
          state.cards = cards;
        }
      }
      if (state.highlightsAt !== null && state.cardsAt !== null) {
        // A message posted from an animation frame callback is handled after that frame's style,
        // layout and paint: the highlights are then on screen, not just in the DOM.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          state.drawnAt = performance.now();
          void window.__viewerBenchDrawn?.();
        };
        channel.port2.postMessage(null);
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * The init script's source. tsx (esbuild with keepNames) wraps functions in `__name(fn, "name")`
 * calls, which do not exist in the page: a local stand-in keeps them harmless, and the page's
 * globals untouched.
 */
export function pageProbeScript(expected: number): string {
  return `(() => { const __name = (fn) => fn; (${installPageProbe.toString()})(${JSON.stringify(expected)}); })();`;
}

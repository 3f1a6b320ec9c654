/*
 * The server is stopping (SIGTERM/SIGINT): Next.js then closes its listening socket and waits for
 * open responses, which event streams never end by themselves. Watched from the server's start
 * (startup.ts), before any route module has loaded, so that a stream asked for during shutdown
 * (on a kept-alive connection) is refused rather than holding the server up (decision 0018).
 * State on globalThis: instrumentation and route handlers may be separate module instances.
 */
const state = globalThis as unknown as { factlineStopping?: boolean; factlineOnStop?: Set<() => void> };

export function watchShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      state.factlineStopping = true;
      for (const stop of state.factlineOnStop ?? []) stop();
    });
  }
}

export const isStopping = (): boolean => state.factlineStopping === true;

/** Runs `stop` when the server begins to stop. */
export function onStop(stop: () => void): void {
  (state.factlineOnStop ??= new Set()).add(stop);
}

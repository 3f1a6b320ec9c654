import { readServerEnv } from "./env";
import { distrustForwardedHeaders } from "./forwarded-headers";
import { watchShutdown } from "./shutdown";

/**
 * The server's start (instrumentation.ts, Node.js runtime only): a wrong setting stops it with its
 * message instead of failing at the first sign-in; without a trusted proxy, forwarded headers from
 * clients are not believed (lib/server/forwarded-headers.ts). In its own module so that the
 * Node-only calls never reach the edge bundle of instrumentation.ts.
 */
export function startServer(): void {
  try {
    const config = readServerEnv();
    if (!config.trustProxy) distrustForwardedHeaders();
    watchShutdown();
  } catch (error) {
    console.error(`\nFactline cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

import "server-only";
import http from "node:http";

/**
 * Without a trusted proxy (FACTLINE_TRUST_PROXY unset), the X-Forwarded-* headers of a request can
 * only come from the client, which can write anything there. Next.js keeps them as they came: it
 * fills X-Forwarded-For from the socket only when the request has none. So before Next.js sees a
 * request, this drops X-Forwarded-Host/-Proto/-Port and sets X-Forwarded-For to the socket's
 * address; Next.js then fills the rest from its own host and port. Installed once at start-up
 * (instrumentation.ts) on the HTTP server's "request" event, which `next start` gives no other hook
 * for.
 */
export function distrustForwardedHeaders(): void {
  const prototype = http.Server.prototype as http.Server & { [GUARDED]?: true };
  if (prototype[GUARDED]) return;
  prototype[GUARDED] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") replaceForwardedHeaders(args[0] as http.IncomingMessage);
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof prototype.emit;
}

const GUARDED = Symbol.for("factline.forwarded-headers-guard");

export function replaceForwardedHeaders(req: http.IncomingMessage): void {
  delete req.headers["x-forwarded-host"];
  delete req.headers["x-forwarded-proto"];
  delete req.headers["x-forwarded-port"];
  const address = req.socket?.remoteAddress;
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
}

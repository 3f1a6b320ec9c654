import "server-only";
import { NextResponse } from "next/server";
import { stringifyJson } from "@/lib/json/script-safe";

/**
 * The one way route handlers answer JSON (and JSON-LD): like NextResponse.json, but with <, >, &,
 * U+2028 and U+2029 escaped (lib/json/script-safe.ts), so no answer can carry a "</script>" into
 * a page that embeds it. A Content-Type in `init` (JSON-LD) is kept.
 */
export function json(body: unknown, init: ResponseInit = {}): NextResponse {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return new NextResponse(stringifyJson(body), { ...init, headers });
}

import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type ZodType } from "zod";
import { Problem, STATUS_OF } from "@/lib/errors";
import { json } from "./json-response";
import { userFromRequest, type SessionUser } from "./session";

export interface ApiContext<Params> {
  req: Request;
  user: SessionUser;
  params: Params;
}

type RouteContext<Params> = { params: Promise<Params> };

/**
 * The one wrapper for route handlers: 401 without a session, and every thrown Problem or
 * validation error becomes a JSON error with its status. Rights to a row are checked by the
 * queries it calls (owner id in the `where`), which throw Problem("forbidden"/"not_found").
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (ctx: ApiContext<Params>) => Promise<Response>,
): (req: Request, ctx: RouteContext<Params>) => Promise<Response> {
  return async (req, ctx) => {
    const user = await userFromRequest(req);
    if (!user) return problemResponse(new Problem("unauthenticated", "Sign in to use the Factline API."));
    if (crossSiteWrite(req)) {
      return problemResponse(new Problem("forbidden", "Changes must come from Factline's own pages."));
    }
    try {
      return await handler({ req, user, params: await ctx.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write whose Origin is another site: refused, on top of the session cookie's SameSite=Lax.
 * Requests without an Origin header (scripts, curl, server-to-server) are not browsers' cross-site
 * requests and pass.
 */
function crossSiteWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function problemResponse(problem: Problem): NextResponse {
  const retryAfter = problem.options.retryAfterSeconds;
  return json(
    { error: problem.message, ...(problem.details ? { details: problem.details } : {}) },
    { status: STATUS_OF[problem.kind], ...(retryAfter === undefined ? {} : { headers: { "Retry-After": String(retryAfter) } }) },
  );
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof Problem) return problemResponse(error);
  if (error instanceof ZodError) return problemResponse(problemFromZod(error));
  console.error(error);
  return json({ error: "Something went wrong on our side. Try again." }, { status: 500 });
}

export function problemFromZod(error: ZodError): Problem {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    (details[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new Problem("invalid", `${where}${first?.message ?? "Invalid input."}`, details);
}

/** Reads a JSON body no larger than `maxBytes`; 400 when it is not JSON, 413 when too large. */
export async function readJson<T>(req: Request, schema: ZodType<T>, maxBytes = 64 * 1024): Promise<T> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const raw = await req.text();
  if (Buffer.byteLength(raw) > maxBytes) throw tooLarge(maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new Problem("malformed", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

function tooLarge(maxBytes: number): Problem {
  return new Problem("too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

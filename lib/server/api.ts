import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type ZodType } from "zod";
import { Problem, STATUS_OF } from "@/lib/errors";
import { isCrossSiteWrite } from "@/lib/security/origin";
import { json } from "./json-response";
import { ownOrigin } from "./request";
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

/**
 * A write from another site (lib/security/origin.ts): refused, on top of the session cookie's
 * SameSite=Lax. Requests without Origin and Sec-Fetch-Site (scripts, curl) pass.
 */
function crossSiteWrite(req: Request): boolean {
  const request = { method: req.method, origin: req.headers.get("origin"), secFetchSite: req.headers.get("sec-fetch-site") };
  return isCrossSiteWrite(request, ownOrigin(req));
}

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
type Handler<Params> = (req: Request, ctx: RouteContext<Params>) => Promise<Response>;

/**
 * Every HTTP method of a route file, from the ones it implements: the others answer 405 with an
 * `Allow` header and a JSON error (Next.js alone answers an empty 405), HEAD runs GET, OPTIONS
 * lists the methods. Each route file exports all of them:
 * `export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: …, POST: … })`
 * (e2e/api-routes.spec.ts checks every route in the build).
 */
export function routeMethods<Params>(
  handlers: Partial<Record<Exclude<HttpMethod, "HEAD" | "OPTIONS">, Handler<Params>>>,
): Record<HttpMethod, Handler<Params>> {
  const implemented: Partial<Record<HttpMethod, Handler<Params>>> = { ...handlers };
  if (implemented.GET) implemented.HEAD = implemented.GET;
  const allow = [...HTTP_METHODS.filter((method) => implemented[method]), "OPTIONS"].join(", ");
  implemented.OPTIONS = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  const notAllowed: Handler<Params> = async (req) =>
    json(
      { error: `${req.method} is not allowed on ${new URL(req.url).pathname}. Allowed: ${allow}.` },
      { status: 405, headers: { Allow: allow } },
    );
  return Object.fromEntries(HTTP_METHODS.map((method) => [method, implemented[method] ?? notAllowed])) as Record<
    HttpMethod,
    Handler<Params>
  >;
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

// application/json, or a JSON-based type such as application/merge-patch+json.
const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Reads a JSON body no larger than `maxBytes`; 400 when it is not JSON (or not labelled as JSON:
 * a text/plain or form body is what another site's page can send without asking), 413 when too large.
 */
export async function readJson<T>(req: Request, schema: ZodType<T>, maxBytes = 64 * 1024): Promise<T> {
  if (!JSON_CONTENT_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new Problem("malformed", "Send the body as JSON, with the header Content-Type: application/json.");
  }
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

/** The answer to a path under /api/ that no route file serves (app/api/[...path]/route.ts). */
export async function noSuchApiRoute(req: Request): Promise<Response> {
  return json({ error: `No such API route: ${req.method} ${new URL(req.url).pathname}.` }, { status: 404 });
}

import "server-only";
import { tooManyAttemptsMessage } from "@/lib/users/sign-in-limits";
import { json } from "./json-response";
import { clientAddress, publicOrigin } from "./request";
import { signInLimiter } from "./sign-in-limits";

type AuthRouteContext = { params: Promise<{ nextauth?: string[] }> };
type AuthRoute = (req: Request, ctx: AuthRouteContext) => Promise<Response>;

/**
 * Wraps next-auth's route so that a credentials sign-in is counted before next-auth checks the
 * password, and refused with 429 and Retry-After once the account or the address is over its
 * limit, whatever the password. next-auth itself can only answer 401 for a refused sign-in.
 *
 * The body is next-auth's: signIn("credentials") posts a form and expects JSON with a `url`
 * (it reads `error` from that URL's query), so the 429 carries the message there as well.
 */
export function withSignInLimits(handler: AuthRoute): AuthRoute {
  return async (req, ctx) => {
    const { nextauth = [] } = await ctx.params;
    if (req.method !== "POST" || nextauth.join("/") !== "callback/credentials") return handler(req, ctx);

    const verdict = await signInLimiter().attempt(await emailOf(req.clone()), clientAddress(req));
    if (verdict.allowed) return handler(req, ctx);

    const url = `${publicOrigin(req)}/login?${new URLSearchParams({ error: tooManyAttemptsMessage(verdict.retryAfterSeconds) })}`;
    return tooManyAttempts(verdict.retryAfterSeconds, { url });
  };
}

/** 429 with Retry-After and the message a person reads: "Too many sign-in attempts. Try again in N minutes." */
export function tooManyAttempts(retryAfterSeconds: number, extra: Record<string, string> = {}): Response {
  return json(
    { error: tooManyAttemptsMessage(retryAfterSeconds), ...extra },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
  );
}

/** The email as next-auth will read it: from a form (what signIn posts) or JSON; "" otherwise. */
async function emailOf(req: Request): Promise<string> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(await req.text()).get("email") ?? "";
    if (type.includes("application/json")) {
      const body: unknown = await req.json();
      const email = body && typeof body === "object" && "email" in body ? body.email : "";
      return typeof email === "string" ? email : "";
    }
  } catch {
    // Unreadable: next-auth will refuse it; it still counts against the address.
  }
  return "";
}

/**
 * The sign-in throttle (lib/server/sign-in-limits.ts, lib/server/sign-in-route.ts) on a real
 * database: counters in the RateLimit table, shared by every limiter over the same database.
 */
import { describe, expect, it } from "vitest";
import { faker } from "@faker-js/faker";
import { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { createSignInLimiter, type SignInLimiter } from "@/lib/server/sign-in-limits";
import { withSignInLimits } from "@/lib/server/sign-in-route";
import { authenticate } from "@/lib/server/users";
import { ACCOUNT_FAILURE_LIMIT, SIGN_IN_WINDOW_SECONDS } from "@/lib/users/sign-in-limits";
import { createUser } from "./factories";

const limiter = createSignInLimiter();
const anAddress = () => faker.internet.ipv4();
const anEmail = () => `${faker.string.alphanumeric(12).toLowerCase()}@nowhere.factline.test`;

/** What the route does: count the attempt, then check the password only when allowed. */
async function signIn(using: SignInLimiter, email: string, password: string, address: string) {
  const verdict = await using.attempt(email, address);
  if (!verdict.allowed) return verdict;
  const user = await authenticate({ email, password });
  if (user) await using.succeeded(email, address);
  return { allowed: true as const, user };
}

async function failTimes(using: SignInLimiter, times: number, email: string, address: string) {
  for (let i = 0; i < times; i++) expect(await signIn(using, email, "not the password", address)).toMatchObject({ allowed: true, user: null });
}

describe("sign-in throttle", () => {
  it("refuses the 11th attempt within 15 minutes, even with the right password, and says how long to wait", async () => {
    const editor = await createUser(db, { withPassword: true });
    const address = anAddress();
    await failTimes(limiter, ACCOUNT_FAILURE_LIMIT, editor.email, address);
    const refused = await signIn(limiter, editor.email, editor.password, address);
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(SIGN_IN_WINDOW_SECONDS - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_WINDOW_SECONDS);
  });

  it("counts the email however it is typed", async () => {
    const editor = await createUser(db, { withPassword: true });
    const address = anAddress();
    await failTimes(limiter, ACCOUNT_FAILURE_LIMIT, `  ${editor.email.toUpperCase()}`, address);
    expect(await signIn(limiter, editor.email, editor.password, address)).toMatchObject({ allowed: false });
  });

  it("starts the account afresh after a success", async () => {
    const editor = await createUser(db, { withPassword: true });
    const address = anAddress();
    await failTimes(limiter, ACCOUNT_FAILURE_LIMIT - 1, editor.email, address);
    expect(await signIn(limiter, editor.email, editor.password, address)).toMatchObject({ allowed: true, user: { id: editor.id } });
    await failTimes(limiter, ACCOUNT_FAILURE_LIMIT, editor.email, address);
    expect(await signIn(limiter, editor.email, editor.password, address)).toMatchObject({ allowed: false });
  });

  it("lets other accounts from the same address sign in while one is limited", async () => {
    const [guessed, colleague] = [await createUser(db, { withPassword: true }), await createUser(db, { withPassword: true })];
    const address = anAddress();
    await failTimes(limiter, ACCOUNT_FAILURE_LIMIT, guessed.email, address);
    expect(await signIn(limiter, guessed.email, guessed.password, address)).toMatchObject({ allowed: false });
    expect(await signIn(limiter, colleague.email, colleague.password, address)).toMatchObject({ allowed: true, user: { id: colleague.id } });
  });

  it("limits an email without an account exactly as one with an account", async () => {
    const editor = await createUser(db, { withPassword: true });
    const unknown = anEmail();
    const verdicts = async (email: string) => {
      const address = anAddress();
      const seen = [];
      for (let i = 0; i <= ACCOUNT_FAILURE_LIMIT + 1; i++) {
        const verdict = await limiter.attempt(email, address);
        seen.push(verdict.allowed ? "allowed" : `wait ${Math.round(verdict.retryAfterSeconds / 60)} min`);
      }
      return seen;
    };
    const known = await verdicts(editor.email);
    expect(await verdicts(unknown)).toEqual(known);
    expect(known.slice(-2)).toEqual(["wait 15 min", "wait 15 min"]);
  });

  it("refuses an address past its own limit, for every account, and no other address", async () => {
    const strict = createSignInLimiter(db, { perAccount: 10, perAddress: 3, windowSeconds: 900 });
    const address = anAddress();
    for (let i = 0; i < 3; i++) expect(await strict.attempt(anEmail(), address)).toEqual({ allowed: true });
    expect(await strict.attempt(anEmail(), address)).toMatchObject({ allowed: false });
    expect(await strict.attempt(anEmail(), anAddress())).toEqual({ allowed: true });
  });

  it("does not hold successful sign-ins against the address", async () => {
    const strict = createSignInLimiter(db, { perAccount: 10, perAddress: 2, windowSeconds: 900 });
    const address = anAddress();
    for (let i = 0; i < 3; i++) {
      const editor = await createUser(db, { withPassword: true });
      expect(await signIn(strict, editor.email, editor.password, address)).toMatchObject({ allowed: true, user: { id: editor.id } });
    }
  });

  it("counts in the database: two limiters (two connections, as two instances) enforce one limit", async () => {
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      const elsewhere = createSignInLimiter(other);
      const email = anEmail();
      const address = anAddress();
      // Interleaved and concurrent, as attempts reaching two instances at once.
      const verdicts = await Promise.all(
        Array.from({ length: ACCOUNT_FAILURE_LIMIT }, (_, i) => (i % 2 ? limiter : elsewhere).attempt(email, address)),
      );
      expect(verdicts.every((verdict) => verdict.allowed)).toBe(true);
      expect(await elsewhere.attempt(email, address)).toMatchObject({ allowed: false });
      expect(await limiter.attempt(email, address)).toMatchObject({ allowed: false });
      const row = await db.rateLimit.findUnique({ where: { key: `sign-in:account:${email}` }, select: { points: true } });
      expect(row?.points).toBe(ACCOUNT_FAILURE_LIMIT + 2);
    } finally {
      await other.$disconnect();
    }
  });

  it("starts counting afresh when the window is over", async () => {
    const brief = createSignInLimiter(db, { perAccount: 1, perAddress: 10, windowSeconds: 1 });
    const email = anEmail();
    const address = anAddress();
    expect(await brief.attempt(email, address)).toEqual({ allowed: true });
    expect(await brief.attempt(email, address)).toMatchObject({ allowed: false });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await brief.attempt(email, address)).toEqual({ allowed: true });
  });
});

describe("the credentials sign-in route", () => {
  const signInRoute = withSignInLimits(async () => Response.json({ url: "http://localhost/articles" }));
  const ctx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
  const post = (email: string, address: string) =>
    new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
      body: new URLSearchParams({ email, password: "guess", csrfToken: "t", json: "true" }),
    });

  it("answers 429 with Retry-After, the message and a URL signIn() reads it from, once over the limit", async () => {
    const email = anEmail();
    const address = anAddress();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await signInRoute(post(email, address), ctx("callback", "credentials"))).status).toBe(200);
    const refused = await signInRoute(post(email.toUpperCase(), address), ctx("callback", "credentials"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(SIGN_IN_WINDOW_SECONDS - 60);
    const body = (await refused.json()) as { error: string; url: string };
    expect(body.error).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(new URL(body.url).searchParams.get("error")).toBe(body.error);
  });

  it("leaves other next-auth requests alone", async () => {
    const email = anEmail();
    const address = anAddress();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT + 2; i++) expect((await signInRoute(post(email, address), ctx("signout"))).status).toBe(200);
    expect(await db.rateLimit.count({ where: { key: { contains: email } } })).toBe(0);
  });
});


/**
 * Constant time for unknown emails (issue 8): a sign-in with an email that has no account takes
 * as long as one with a wrong password, limiter included, so timing does not tell which emails
 * have accounts. The one test here that times things; its bound is generous (the machine may be
 * busy) yet fails if either path skipped the bcrypt comparison or did less database work.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createSignInLimiter } from "@/lib/server/sign-in-limits";
import { authenticate } from "@/lib/server/users";
import { createUser } from "./factories";

const TRIES = 20;

describe("sign-in timing", () => {
  it("an unknown email takes about as long as a wrong password", async () => {
    const editor = await createUser(db, { withPassword: true });
    // Limits high enough never to refuse: the point is the same work on both paths.
    const limiter = createSignInLimiter(db, { perAccount: 1_000, perAddress: 1_000, windowSeconds: 900 });
    const timed = async (email: string) => {
      const started = performance.now();
      const verdict = await limiter.attempt(email, "192.0.2.7");
      const user = verdict.allowed ? await authenticate({ email, password: "a wrong password" }) : "refused";
      const took = performance.now() - started;
      expect(user).toBeNull();
      return took;
    };
    await timed(editor.email); // warm-up: first queries and bcrypt's first run
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a slow moment of the machine falls on both.
    for (let i = 0; i < TRIES; i++) {
      known.push(await timed(editor.email));
      unknown.push(await timed(`nobody-${i}-${editor.email}`));
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const [knownMs, unknownMs] = [mean(known), mean(unknown)];
    const gap = Math.abs(knownMs - unknownMs);
    // A skipped comparison would make one path ~60 ms (the whole bcrypt time) faster: far over half.
    expect(gap, `wrong password ${knownMs.toFixed(1)} ms, unknown email ${unknownMs.toFixed(1)} ms`).toBeLessThan(
      Math.max(0.5 * Math.max(knownMs, unknownMs), 10),
    );
  });
});

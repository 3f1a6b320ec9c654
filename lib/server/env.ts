import "server-only";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
});

/**
 * Checked once at server start (instrumentation.ts). In production the session secret is required:
 * `npm start` makes one for the embedded default; any other deployment must set it.
 */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.parse(env);
  if (parsed.NODE_ENV === "production" && !parsed.NEXTAUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Set it to a long random string (for example: openssl rand -base64 32), " +
        "or start Factline with `npm start`, which keeps one in the data folder.",
    );
  }
  return parsed;
}

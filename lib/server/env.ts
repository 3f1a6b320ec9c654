import "server-only";
import { z } from "zod";
import { databaseTarget, databaseUrl, type DatabaseTarget } from "@/lib/config/database-url";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET is shorter than 16 characters: use a long random string.").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL is not a URL: write it as https://factline.example.org.").optional(),
  FACTLINE_ORGANIZATION: z.string().trim().optional(),
  FACTLINE_TRUST_PROXY: z
    .enum(["true", "1", "false", "0", ""], {
      error: "FACTLINE_TRUST_PROXY must be true (or 1) behind a reverse proxy you run, else false (or unset).",
    })
    .optional(),
});

export interface ServerConfig {
  nodeEnv: "development" | "test" | "production";
  database: DatabaseTarget;
  /** Signs session cookies; every instance of one deployment must share it. */
  nextAuthSecret: string | undefined;
  /** The public address, when set (behind a proxy the request's own host may be internal). */
  publicUrl: string | undefined;
  /** The organisation that publishes the fact-checks (ClaimReview author). */
  organization: string;
  /**
   * Whether X-Forwarded-Host/-Proto/-For come from a reverse proxy of this deployment. Off by
   * default: anyone can send those headers.
   */
  trustProxy: boolean;
  /** The public URL is https: HSTS, and session cookies named `__Secure-…` with the Secure flag. */
  https: boolean;
}

/**
 * The one validated configuration of the server, read from the environment. Checked once at
 * server start (instrumentation.ts), so that a wrong setting stops start-up with its message. In
 * production the session secret is required: `npm start` makes one for the embedded default; any
 * other deployment must set it.
 */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "The server's environment is invalid.");
  const values = parsed.data;
  if (values.NODE_ENV === "production" && !values.NEXTAUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Set it to a long random string (for example: openssl rand -base64 32), " +
        "or start Factline with `npm start`, which keeps one in the data folder.",
    );
  }
  return {
    nodeEnv: values.NODE_ENV,
    database: databaseTarget(databaseUrl(env)),
    nextAuthSecret: values.NEXTAUTH_SECRET,
    publicUrl: values.NEXTAUTH_URL?.replace(/\/$/, ""),
    organization: values.FACTLINE_ORGANIZATION || "Factline",
    trustProxy: values.FACTLINE_TRUST_PROXY === "true" || values.FACTLINE_TRUST_PROXY === "1",
    https: values.NEXTAUTH_URL?.startsWith("https://") ?? false,
  };
}

let cached: ServerConfig | undefined;

/** The configuration, read on first use. */
export function serverConfig(): ServerConfig {
  return (cached ??= readServerEnv());
}

import { databaseUrl } from "@/lib/config/database-url";
import { embeddedSecret } from "./secret";

/** The embedded default's environment: SQLite in data/, a kept session secret, this port's URL. */
export function applyEmbeddedEnv(): { port: string } {
  const port = process.env.PORT ?? "3000";
  process.env.DATABASE_URL = databaseUrl();
  process.env.NEXTAUTH_SECRET ||= embeddedSecret();
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  return { port };
}

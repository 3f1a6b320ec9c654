import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/config/database-url";

/**
 * The embedded default's session secret: made once, kept in the git-ignored data folder so that
 * sessions survive restarts. Production deployments set NEXTAUTH_SECRET themselves.
 */
export function embeddedSecret(): string {
  const file = path.join(PROJECT_ROOT, "data", "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

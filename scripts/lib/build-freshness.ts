import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Everything that goes into the production bundle. A change to any of these makes the build stale.
const SOURCES = ["app", "components", "lib", "public", "generated", "prisma/schema.prisma", "proxy.ts",
  "instrumentation.ts", "next.config.js", "tsconfig.json", "package-lock.json"];
const STAMP = path.join(".next", "factline-source-hash");

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  if (fs.statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) {
    if (name === "node_modules" || name.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, name));
  }
}

export function sourceHash(): string {
  const hash = crypto.createHash("sha256");
  for (const source of SOURCES) {
    for (const file of files(source)) hash.update(file).update("\0").update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

export function buildIsFresh(hash: string): boolean {
  return fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
}

export function markBuilt(hash: string): void {
  fs.writeFileSync(STAMP, hash);
}

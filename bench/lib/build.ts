import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { run } from "@/scripts/lib/run";
import { sourceHash } from "@/scripts/lib/build-freshness";
import { BENCH } from "./config";

const STAMP = path.join(BENCH.distDir, "factline-bench-source-hash");

/** `next build` also rewrites these two shared files for the dist folder it builds into. */
const TSCONFIG = "tsconfig.json";
const NEXT_ENV = "next-env.d.ts";

/**
 * Builds the production bundle into `.next-bench` when it is missing or older than the sources
 * (the same source hash `npm start` uses, stamped inside `.next-bench`).
 */
export function ensureBenchBuild(): void {
  const hash = sourceHash();
  const fresh =
    fs.existsSync(path.join(BENCH.distDir, "BUILD_ID")) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, "utf8") === hash;
  if (fresh) {
    console.log(`Reusing the production build in ${BENCH.distDir} (sources unchanged).`);
    return;
  }
  console.log(`Building the production bundle into ${BENCH.distDir} (about a minute on 2 cores)...`);
  const before = { tsconfig: read(TSCONFIG), nextEnv: read(NEXT_ENV) };
  try {
    // The build loads the server modules, whose configuration wants a session secret in production;
    // it is read again at run time (each bench server gets its own), so a throwaway one does here.
    const env = {
      FACTLINE_DIST_DIR: BENCH.distDir,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || crypto.randomBytes(32).toString("base64url"),
    };
    run("next", ["build"], { stdio: "inherit", env });
  } finally {
    undoSharedFileRewrites(before);
  }
  fs.writeFileSync(STAMP, hash);
}

function read(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/**
 * With a distDir other than `.next`, `next build` adds `<distDir>/types/**` to tsconfig.json's
 * include list and points next-env.d.ts at `<distDir>/types`. Both files belong to the app, so
 * put them back — but only when the sole change is that one (someone may have edited them meanwhile).
 */
function undoSharedFileRewrites(before: { tsconfig: string | null; nextEnv: string | null }): void {
  const tsconfig = read(TSCONFIG);
  if (before.tsconfig !== null && tsconfig !== null && tsconfig !== before.tsconfig) {
    if (onlyAddedBenchIncludes(before.tsconfig, tsconfig)) fs.writeFileSync(TSCONFIG, before.tsconfig);
    else console.warn(`${TSCONFIG} changed during the build in other ways too: left as it is.`);
  }
  const nextEnv = read(NEXT_ENV);
  if (before.nextEnv !== null && nextEnv !== null && nextEnv !== before.nextEnv) {
    if (nextEnv.replaceAll(`./${BENCH.distDir}/`, "./.next/") === before.nextEnv)
      fs.writeFileSync(NEXT_ENV, before.nextEnv);
    else console.warn(`${NEXT_ENV} changed during the build in other ways too: left as it is.`);
  }
}

function onlyAddedBenchIncludes(before: string, after: string): boolean {
  try {
    const old = JSON.parse(before) as { include?: string[] };
    const now = JSON.parse(after) as { include?: string[] };
    const added = (now.include ?? []).filter((entry) => !(old.include ?? []).includes(entry));
    const withoutAdded = { ...now, include: (now.include ?? []).filter((entry) => !added.includes(entry)) };
    return (
      added.every((entry) => entry.startsWith(`${BENCH.distDir}/`)) &&
      JSON.stringify(withoutAdded) === JSON.stringify(old)
    );
  } catch {
    return false; // not plain JSON (comments): leave it alone
  }
}

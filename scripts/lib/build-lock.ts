import fs from "node:fs";
import path from "node:path";

const LOCK = path.join("data", "build.lock");
const STALE_MS = 10 * 60_000;

/**
 * Runs `work` while holding the build lock, so that two `npm start`s at once (two instances, the
 * e2e servers) build the bundle once instead of racing on .next. A lock older than any build is
 * taken over: its holder died.
 */
export async function withBuildLock<T>(work: () => T | Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

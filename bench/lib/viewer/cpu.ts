/**
 * How busy the rest of the machine was during one page load (Linux /proc only). "Ours" is this
 * process and every descendant — the server and Chromium's browser, renderer and GPU processes —
 * so what is left of the machine's busy time went to others (builds, tests of other sessions).
 */
import fs from "node:fs";

function machineTicks(): { busy: number; total: number } {
  const fields = (fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** utime + stime of `root` and all its descendants, by parent links in /proc. */
function treeTicks(root: number): number {
  if (!fs.existsSync("/proc/stat")) return 0;
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // from "state" (3rd field) on
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  let sum = 0;
  for (const [pid, value] of ticks) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parent.get(at)) {
      if (at === root) {
        sum += value;
        break;
      }
    }
  }
  return sum;
}

/** Starts watching; the returned function gives the share (0–1 of all cores) others used since, or null. */
export function watchOthersCpu(): () => number | null {
  if (!fs.existsSync("/proc/stat")) return () => null;
  const start = { ...machineTicks(), ours: treeTicks(process.pid) };
  return () => {
    const end = { ...machineTicks(), ours: treeTicks(process.pid) };
    const total = end.total - start.total;
    if (total <= 0) return null;
    return Math.max(0, (end.busy - start.busy - (end.ours - start.ours)) / total);
  };
}

/** Starts measuring; the returned function gives the CPU milliseconds `pid` and its descendants used since. */
export function watchProcessCpu(pid: number): () => number | null {
  if (!fs.existsSync("/proc/stat")) return () => null;
  const start = treeTicks(pid);
  return () => (treeTicks(pid) - start) * 10; // USER_HZ = 100
}

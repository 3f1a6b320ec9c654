/**
 * CPU accounting for one run, from /proc (Linux only): how much CPU time the server under load
 * used, and how much of the machine went to processes other than the benchmark and that server.
 * Others share this machine (builds, tests, servers): a run that had to share the cores says so
 * in the results, and requests per CPU-second of the server stay comparable when it did.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface CpuSample {
  busy: number;
  total: number;
  server: number;
  ours: number;
}

export interface CpuUse {
  /** Share (0–1 of all cores) used by every other process on the machine. */
  otherShare: number;
  /** CPU seconds the server's process group used. */
  serverSeconds: number;
}

function machineTicks(): { busy: number; total: number } {
  const fields = (fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** utime + stime of every process in the group (a server and whatever it forked). */
function groupTicks(groupId: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from "state" (3rd) on
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

function sample(serverGroupId: number): CpuSample {
  const { user, system } = process.cpuUsage();
  const server = groupTicks(serverGroupId);
  return { ...machineTicks(), server, ours: server + ((user + system) / 1e6) * TICKS_PER_SECOND };
}

/** Starts measuring; the returned function tells the CPU use since (null off Linux). */
export function watchCpu(serverGroupId: number): () => CpuUse | null {
  if (!fs.existsSync("/proc/stat")) return () => null;
  const start = sample(serverGroupId);
  return () => {
    const end = sample(serverGroupId);
    const total = end.total - start.total;
    if (total <= 0) return null;
    return {
      otherShare: Math.max(0, (end.busy - start.busy - (end.ours - start.ours)) / total),
      serverSeconds: (end.server - start.server) / TICKS_PER_SECOND,
    };
  };
}

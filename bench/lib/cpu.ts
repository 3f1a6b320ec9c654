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
  database: number;
  ours: number;
}

/** The processes whose CPU is counted: the server's process groups, and the database's postmaster with its backends. */
export interface Watched {
  serverGroupIds: number[];
  databasePid: number | null;
}

export interface CpuUse {
  /** Share (0–1 of all cores) used by every other process on the machine. */
  otherShare: number;
  /** CPU seconds the server's process groups used. */
  serverSeconds: number;
  /** CPU seconds PostgreSQL used (null for SQLite, which runs inside the server). */
  databaseSeconds: number | null;
}

function machineTicks(): { busy: number; total: number } {
  const fields = (fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/**
 * CPU ticks of every process in the server groups (a server and whatever it forked), and of the
 * postmaster and its children (the backends).
 */
function watchedTicks({ serverGroupIds, databasePid }: Watched): { server: number; database: number } {
  let server = 0;
  let database = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from "state" (3rd) on
      // utime + stime, plus cutime + cstime: the CPU of children it has reaped (PostgreSQL backends
      // come and go; a backend's time moves to the postmaster when it ends, and would otherwise vanish).
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      if (serverGroupIds.includes(Number(fields[2]))) server += ticks;
      else if (databasePid !== null && (Number(entry) === databasePid || Number(fields[1]) === databasePid))
        database += ticks;
    } catch {
      // the process ended meanwhile
    }
  }
  return { server, database };
}

function sample(watched: Watched): CpuSample {
  const { user, system } = process.cpuUsage();
  const { server, database } = watchedTicks(watched);
  return { ...machineTicks(), server, database, ours: server + database + ((user + system) / 1e6) * TICKS_PER_SECOND };
}

/** Starts measuring; the returned function tells the CPU use since (null off Linux). */
export function watchCpu(watched: Watched): () => CpuUse | null {
  if (!fs.existsSync("/proc/stat")) return () => null;
  const start = sample(watched);
  return () => {
    const end = sample(watched);
    const total = end.total - start.total;
    if (total <= 0) return null;
    return {
      otherShare: Math.max(0, (end.busy - start.busy - (end.ours - start.ours)) / total),
      serverSeconds: (end.server - start.server) / TICKS_PER_SECOND,
      databaseSeconds: watched.databasePid === null ? null : (end.database - start.database) / TICKS_PER_SECOND,
    };
  };
}

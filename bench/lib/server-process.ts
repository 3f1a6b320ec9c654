import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { once } from "node:events";

export interface RunningServer {
  url: string;
  /** Also the id of its process group. */
  pid: number;
  logFile: string;
  /** How many lines the server wrote to stderr, and the first 200 of them: errors under load show up here. */
  stderr: () => { lines: number; first: string[] };
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();

/** Stops every server this process started (on error and on Ctrl-C): each by its own process group id. */
export function killAllServers(): void {
  for (const child of running) killGroup(child, "SIGKILL");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the group holds the server and any worker it forked
  } catch {
    // already gone
  }
}

/** Fails early when something else listens on the port: its answers must not pass for our server's. */
async function assertPortFree(port: number): Promise<void> {
  const probe = net.createServer();
  try {
    probe.listen(port, "127.0.0.1");
    await once(probe, "listening");
  } catch (error) {
    throw new Error(`Port ${port} is in use; stop what listens there or change it in bench/lib/config.ts`, {
      cause: error,
    });
  }
  probe.close();
  await once(probe, "close");
}

/**
 * Starts a server as its own process group, logs its output to `logFile`, and resolves when
 * `readyPath` answers (any status below 500).
 */
export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  logFile: string;
}): Promise<RunningServer> {
  await assertPortFree(options.port);
  const log = fs.createWriteStream(options.logFile);
  const stderr: string[] = [];
  let stderrCount = 0;
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.on("data", (chunk: Buffer) => {
    log.write(chunk);
    const lines = chunk.toString("utf8").split("\n").filter(Boolean);
    stderrCount += lines.length;
    if (stderr.length < 200) stderr.push(...lines.slice(0, 200 - stderr.length)); // the first ones are enough to report
  });
  const exited = once(child, "exit");

  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    log.end();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`${options.name} exited with code ${child.exitCode} before it was ready; see ${options.logFile}`);
    }
    try {
      const response = await fetch(url + options.readyPath);
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not answer on ${url} within a minute; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid!,
    logFile: options.logFile,
    stderr: () => ({ lines: stderrCount, first: [...stderr] }),
    stop,
  };
}

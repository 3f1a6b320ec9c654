import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import path from "node:path";

const BIN = path.join(process.cwd(), "node_modules", ".bin");

/** Runs a command from node_modules/.bin (or PATH), failing loudly with its output. */
type RunOptions = Omit<SpawnSyncOptions, "env"> & { env?: Record<string, string> };

export function run(command: string, args: string[], options: RunOptions = {}): string {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
    env: { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ""}`, ...options.env },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  }
  return String(result.stdout ?? "");
}

export function prisma(args: string[], databaseUrl?: string): string {
  return run("prisma", args, databaseUrl ? { env: { DATABASE_URL: databaseUrl } } : {});
}

/** Hands the terminal to `next <args>`, passes Ctrl-C on, and exits with its code. */
export function serveNext(args: string[]): void {
  const server = spawn(path.join(BIN, "next"), args, { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

/** Runs a script's main(), printing only the message of an error a person can act on. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

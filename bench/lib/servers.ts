import crypto from "node:crypto";
import path from "node:path";
import { signIn } from "./auth";
import { BENCH, BENCH_EDITOR, type ServerSpec } from "./config";
import type { Target } from "./load";
import type { BenchData } from "./seed";
import { startServer, type RunningServer } from "./server-process";
import type { DatabaseLocation } from "./sql";

/** One server under test: one process, or for the app on PostgreSQL possibly two on one database. */
export interface Subject {
  spec: ServerSpec;
  location: DatabaseLocation;
  instances: RunningServer[];
  /** One per instance; clients are spread over them, each client sticking to one. */
  targets: Target[];
  /** The PostgreSQL postmaster, whose backends' CPU is counted as the database's (none for SQLite). */
  databasePid: number | null;
}

const logFileOf = (spec: ServerSpec, instance: number) =>
  path.join(process.cwd(), "data", `bench-annotations-${spec.id}${instance ? `-${instance + 1}` : ""}.log`);

/**
 * Starts a server under test on its own port(s) and database and returns how to reach it: the app
 * through `next start` on `.next-bench`, signed in as the benchmark editor (on its first instance;
 * the other instance must accept the same session); the baselines as plain Node processes that act
 * as that editor without a session.
 */
export async function startSubject(
  spec: ServerSpec,
  location: DatabaseLocation,
  data: BenchData,
  databasePid: number | null,
): Promise<Subject> {
  const env = { DATABASE_URL: location.url, NODE_ENV: "production" };
  const instances: RunningServer[] = [];
  try {
    if (spec.kind === "app") {
      // One secret for all instances: a session signed by one is valid on the other.
      const secret = crypto.randomBytes(32).toString("base64url");
      for (const [i, port] of spec.ports.entries()) {
        instances.push(
          await startServer({
            name: `${spec.label} #${i + 1}`,
            port,
            logFile: logFileOf(spec, i),
            command: path.join("node_modules", ".bin", "next"),
            args: ["start", "-p", String(port), "-H", "127.0.0.1"],
            env: {
              ...env,
              FACTLINE_DIST_DIR: BENCH.distDir,
              NEXTAUTH_SECRET: secret,
              NEXTAUTH_URL: `http://localhost:${port}`,
            },
            readyPath: "/api/auth/csrf",
          }),
        );
      }
      const cookie = await signIn(instances[0]!.url, BENCH_EDITOR);
      const targets = instances.map((server): Target => ({
        url: server.url,
        articleId: data.articleId,
        headers: { cookie },
        openingPath: "/api/auth/csrf",
        serverGroupId: server.pid,
      }));
      for (const target of targets.slice(1)) await assertSignedIn(target);
      return { spec, location, instances, targets, databasePid };
    }
    const [port] = spec.ports;
    const server = await startServer({
      name: spec.label,
      port: port!,
      logFile: logFileOf(spec, 0),
      // Plain node with tsx as a loader: one process. react-server resolves `server-only` to its empty module.
      command: process.execPath,
      args: ["--conditions=react-server", "--import", "tsx", path.join("bench", "lib", "baseline-server.ts")],
      // The ceiling runs lib/server, whose configuration wants a session secret in production (unused here).
      env: {
        ...env,
        BENCH_STORE: spec.kind,
        BENCH_USER_ID: data.editorId,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      },
      readyPath: "/health",
    });
    instances.push(server);
    const target: Target = {
      url: server.url,
      articleId: data.articleId,
      headers: {},
      openingPath: "/health",
      serverGroupId: server.pid,
    };
    return { spec, location, instances, targets: [target], databasePid };
  } catch (error) {
    for (const server of instances) await server.stop();
    throw error;
  }
}

/** The session cookie from one instance must work on another (nothing of it lives in one process). */
async function assertSignedIn(target: Target): Promise<void> {
  const response = await fetch(`${target.url}/api/auth/session`, { headers: target.headers });
  const body = (await response.json()) as { user?: { email?: string } };
  if (body.user?.email !== BENCH_EDITOR.email)
    throw new Error(`The session signed in on the first instance is not accepted by ${target.url}`);
}

export async function stopSubject(subject: Subject): Promise<void> {
  for (const server of subject.instances) await server.stop();
}

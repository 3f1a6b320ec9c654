import crypto from "node:crypto";
import path from "node:path";
import { signIn } from "./auth";
import { BENCH, BENCH_EDITOR, databaseUrlOf, type ServerSpec } from "./config";
import type { Target } from "./load";
import type { BenchData } from "./seed";
import { startServer, type RunningServer } from "./server-process";

export interface BenchServer {
  server: RunningServer;
  target: Target;
}

const logFileOf = (spec: ServerSpec) =>
  path.join(path.dirname(spec.databaseFile), `bench-annotations-${spec.kind}.log`);

/**
 * Starts one of the three servers on its own port and database file and returns how to reach it:
 * the app through `next start` on `.next-bench`, signed in as the benchmark editor; the baselines
 * as plain Node processes that act as that editor without a session.
 */
export async function startBenchServer(spec: ServerSpec, data: BenchData): Promise<BenchServer> {
  const common = {
    port: spec.port,
    logFile: logFileOf(spec),
    env: { DATABASE_URL: databaseUrlOf(spec.databaseFile), NODE_ENV: "production" },
  };
  if (spec.kind === "app") {
    const server = await startServer({
      ...common,
      name: spec.label,
      command: path.join("node_modules", ".bin", "next"),
      args: ["start", "-p", String(spec.port), "-H", "127.0.0.1"],
      env: {
        ...common.env,
        FACTLINE_DIST_DIR: BENCH.distDir,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: `http://localhost:${spec.port}`,
      },
      readyPath: "/api/auth/csrf",
    });
    try {
      const cookie = await signIn(server.url, BENCH_EDITOR);
      return {
        server,
        target: {
          url: server.url,
          articleId: data.articleId,
          headers: { cookie },
          openingPath: "/api/auth/csrf",
          serverGroupId: server.pid,
        },
      };
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  const server = await startServer({
    ...common,
    name: spec.label,
    // Plain node with tsx as a loader: one process. react-server resolves `server-only` to its empty module.
    command: process.execPath,
    args: ["--conditions=react-server", "--import", "tsx", path.join("bench", "lib", "baseline-server.ts")],
    env: { ...common.env, BENCH_STORE: spec.kind, BENCH_USER_ID: data.editorId },
    readyPath: "/health",
  });
  return {
    server,
    target: {
      url: server.url,
      articleId: data.articleId,
      headers: {},
      openingPath: "/health",
      serverGroupId: server.pid,
    },
  };
}

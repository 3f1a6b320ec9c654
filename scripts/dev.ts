/** `npm run dev`: the embedded default's database and secret, with Next's development server. */
import { spawn } from "node:child_process";
import { applyEmbeddedEnv } from "./lib/embedded-env";
import { prepareDatabase } from "./lib/prepare-db";

async function main(): Promise<void> {
  const { port } = applyEmbeddedEnv();
  await prepareDatabase();
  const server = spawn("node_modules/.bin/next", ["dev", "-p", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

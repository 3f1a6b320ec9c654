/** `npm run dev`: the embedded default's database and secret, with Next's development server. */
import { applyEmbeddedEnv } from "./lib/embedded-env";
import { prepareDatabase } from "./lib/prepare-db";
import { runMain, serveNext } from "./lib/run";

async function main(): Promise<void> {
  const { port } = applyEmbeddedEnv();
  await prepareDatabase();
  serveNext(["dev", "-p", port]);
}

runMain(main);

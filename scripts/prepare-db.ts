import { prepareDatabase } from "./lib/prepare-db";

prepareDatabase().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

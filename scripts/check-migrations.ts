/** CI drift check: the committed migrations produce exactly prisma/schema.prisma. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { SCHEMA, schemaFromMigrations } from "./lib/migrations";

const replay = schemaFromMigrations();
try {
  const diff = spawnSync(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-schema-datamodel", replay.schemaFile, "--to-schema-datamodel", SCHEMA, "--script", "--exit-code"],
    { encoding: "utf8" },
  );
  if (diff.status === 0) {
    console.log("Schema and migrations agree.");
  } else if (diff.status === 2) {
    console.error("prisma/schema.prisma differs from the migrations. Author one with: npm run db:migration -- <name>\n");
    console.error(diff.stdout);
    process.exit(1);
  } else {
    console.error(diff.stdout, diff.stderr);
    process.exit(1);
  }
} finally {
  replay.cleanup();
}

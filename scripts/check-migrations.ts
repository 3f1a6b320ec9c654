/**
 * CI drift check: prisma/postgresql/schema.prisma is derived from prisma/schema.prisma, and each
 * provider's committed migrations produce exactly its schema.
 */
import { PRISMA_FILES, type DatabaseProvider } from "@/lib/config/database-url";
import { diffToSchema, replayedSchema, scratchSqliteUrl, tempDir } from "./lib/migrations";
import { runMain } from "./lib/run";
import { postgresSchemaIsCurrent } from "./lib/schemas";
import { withScratchPostgres } from "./lib/scratch-postgres";
import { executeSql, schemaDump } from "./lib/postgres-dump";
import { prisma } from "./lib/run";

async function main(): Promise<void> {
  if (!postgresSchemaIsCurrent()) {
    throw new Error(`${PRISMA_FILES.postgresql.schema} is not derived from ${PRISMA_FILES.sqlite.schema}. Run: npm run db:migration -- <name>`);
  }
  const scratch = tempDir();
  try {
    const check = (provider: DatabaseProvider, url: string) => {
      const diff = diffToSchema(provider, replayedSchema(provider, url, scratch.dir), url);
      if (diff.differs) {
        throw new Error(`${PRISMA_FILES[provider].schema} differs from its migrations. Author one with: npm run db:migration -- <name>\n${diff.sql}`);
      }
      console.log(`${provider}: schema and migrations agree.`);
    };
    check("sqlite", scratchSqliteUrl(scratch.dir));
    await checkPostgres();
  } finally {
    scratch.cleanup();
  }
}

/**
 * This CLI cannot introspect PostgreSQL (decision 0008), so the check compares databases: one
 * built by the committed migrations, one by the schema's SQL from empty, dumped with pg_dump.
 */
async function checkPostgres(): Promise<void> {
  await withScratchPostgres(async (migratedUrl, createDatabase) => {
    prisma(["migrate", "deploy"], migratedUrl);
    const freshUrl = await createDatabase("fresh");
    const { sql } = diffToSchema("postgresql", null, freshUrl);
    await executeSql(freshUrl, sql);
    const migrated = schemaDump(migratedUrl);
    const fresh = schemaDump(freshUrl);
    if (migrated !== fresh) {
      const missing = fresh.split(";\n").filter((s) => !migrated.includes(s));
      const extra = migrated.split(";\n").filter((s) => !fresh.includes(s));
      throw new Error(
        `${PRISMA_FILES.postgresql.schema} differs from its migrations. Author one with: npm run db:migration -- <name>\n` +
          `Only in the schema:\n${missing.join(";\n")}\nOnly in the migrations:\n${extra.join(";\n")}`,
      );
    }
    console.log("postgresql: schema and migrations agree.");
  });
}

runMain(main);

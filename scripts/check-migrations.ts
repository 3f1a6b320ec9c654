/**
 * CI drift check: prisma/postgresql/schema.prisma is derived from prisma/schema.prisma, and each
 * provider's committed migrations produce exactly its schema.
 */
import { PRISMA_FILES, type DatabaseProvider } from "@/lib/config/database-url";
import { diffToSchema, replayedSchema, scratchSqliteUrl, tempDir } from "./lib/migrations";
import { runMain } from "./lib/run";
import { postgresSchemaIsCurrent } from "./lib/schemas";
import { withScratchPostgres } from "./lib/scratch-postgres";
import { executeSql, normalize, rawSchemaDump, schemaDump } from "./lib/postgres-dump";
import { isSearchStatement, missingInPostgresDump, missingInSqlite } from "./lib/search-objects";
import { prisma } from "./lib/run";

async function main(): Promise<void> {
  if (!postgresSchemaIsCurrent()) {
    throw new Error(
      `${PRISMA_FILES.postgresql.schema} is not derived from ${PRISMA_FILES.sqlite.schema}. Run: npm run db:migration -- <name>`,
    );
  }
  const scratch = tempDir();
  try {
    const check = (provider: DatabaseProvider, url: string) => {
      const diff = diffToSchema(provider, replayedSchema(provider, url, scratch.dir), url);
      if (diff.differs) {
        throw new Error(
          `${PRISMA_FILES[provider].schema} differs from its migrations. Author one with: npm run db:migration -- <name>\n${diff.sql}`,
        );
      }
      console.log(`${provider}: schema and migrations agree.`);
    };
    const sqliteUrl = scratchSqliteUrl(scratch.dir);
    check("sqlite", sqliteUrl);
    requireSearchObjects("sqlite", missingInSqlite(sqliteUrl.replace(/^file:/, "")));
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
    const migratedRaw = rawSchemaDump(migratedUrl);
    requireSearchObjects("postgresql", missingInPostgresDump(migratedRaw));
    // Compared as sets of statements: leaving the search objects out may leave a statement's terminator behind.
    const migrated = statementsOf(withoutSearchObjects(migratedRaw));
    const fresh = statementsOf(schemaDump(freshUrl));
    const missing = [...fresh].filter((statement) => !migrated.has(statement));
    const extra = [...migrated].filter((statement) => !fresh.has(statement));
    if (missing.length || extra.length) {
      throw new Error(
        `${PRISMA_FILES.postgresql.schema} differs from its migrations. Author one with: npm run db:migration -- <name>\n` +
          `Only in the schema:\n${missing.join(";\n")}\nOnly in the migrations:\n${extra.join(";\n")}`,
      );
    }
    console.log("postgresql: schema and migrations agree.");
  });
}

function statementsOf(dump: string): Set<string> {
  return new Set(
    dump
      .split(";\n")
      .map((statement) => statement.trim().replace(/;$/, ""))
      .filter(Boolean),
  );
}

/** The search engine's objects are raw migration SQL (scripts/lib/search-objects.ts): not drift, but required. */
function requireSearchObjects(provider: DatabaseProvider, missing: string[]): void {
  if (missing.length === 0) return;
  throw new Error(
    `${provider}: the migrations lost search objects: ${missing.join(", ")}. A migration that redefines a table drops ` +
      `its triggers: create them again in that migration (see scripts/lib/search-objects.ts).`,
  );
}

/** A schema dump without the search engine's objects (their functions' bodies hold semicolons: cut before splitting). */
function withoutSearchObjects(raw: string): string {
  const noFunctions = raw.replace(/CREATE FUNCTION public\.search_\w+\(\)[\s\S]*?\$\$;\n/g, "");
  return normalize(noFunctions)
    .split(";\n")
    .filter((statement) => !isSearchStatement(statement))
    .join(";\n");
}

runMain(main);

/**
 * The search engine's database objects (decision 0020): written in raw migration SQL, not Prisma
 * models, because Prisma describes neither FTS5 virtual tables nor generated tsvector columns and
 * triggers. `npm run db:check` leaves them out of the schema comparison (so they are not drift)
 * and fails when one of them is missing from a provider's migrated database: SQLite drops a
 * table's triggers when a migration redefines the table, and the next migration must create them
 * again (copy them from prisma/migrations/20261202183000_search).
 */
import Database from "better-sqlite3";
import type { DatabaseProvider } from "@/lib/config/database-url";

/** Every search object's name starts so; the app's own tables never do. */
export const SEARCH_PREFIX = "search_";

const TRIGGERS = [
  "search_article_ai",
  "search_article_au",
  "search_article_ad",
  "search_claim_ai",
  "search_claim_au",
  "search_claim_ad",
  "search_claim_deleted",
  "search_source_ai",
  "search_source_au",
  "search_source_ad",
  "search_reply_ai",
  "search_reply_au",
  "search_reply_ad",
  // The library's per-article claim counts (prisma/migrations/20261202220000_library_counts).
  "search_counts_article_ai",
  "search_counts_claim_ai",
  "search_counts_claim_ad",
  "search_counts_claim_au",
  "search_counts_sort_keys",
  "search_counts_article_au",
  // The search rows' facets (prisma/migrations/20261203070000_search_facets).
  "search_document_facets",
  "search_facets_claim_au",
  "search_facets_article_au",
  "search_facets_source_au",
];

export const SEARCH_OBJECTS: Record<DatabaseProvider, { tables: string[]; triggers: string[] }> = {
  sqlite: {
    tables: ["search_document", "search_fts", "search_article_counts"],
    triggers: [...TRIGGERS, "search_document_ai", "search_document_ad", "search_document_au"],
  },
  postgresql: { tables: ["search_document", "search_article_counts"], triggers: TRIGGERS },
};

/**
 * An introspected Prisma schema without the search tables' models (FTS5's shadow tables included)
 * and without the back-relation fields other models get from a search table's foreign key.
 */
export function withoutSearchModels(schema: string): string {
  return schema
    .replace(new RegExp(`^(///[^\\n]*\\n)*model ${SEARCH_PREFIX}\\w+ \\{[\\s\\S]*?^\\}\\n?`, "gm"), "")
    .replace(new RegExp(`^[ \\t]+\\w+[ \\t]+${SEARCH_PREFIX}\\w+(\\[\\]|\\?)?(?=[ \\t\\n@]).*\\n`, "gm"), "");
}

/** Is this pg_dump statement (normalized by scripts/lib/postgres-dump.ts) about a search object? */
export function isSearchStatement(statement: string): boolean {
  return (
    new RegExp(`"?${SEARCH_PREFIX}\\w*"?`).test(statement.split("\n")[0] ?? "") || /\bsearch_document\b/.test(statement)
  );
}

/** The search objects missing from a migrated SQLite database file. */
export function missingInSqlite(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const present = new Set(
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as Array<{
          name: string;
        }>
      ).map((row) => row.name),
    );
    const wanted = [...SEARCH_OBJECTS.sqlite.tables, ...SEARCH_OBJECTS.sqlite.triggers];
    return wanted.filter((name) => !present.has(name));
  } finally {
    sqlite.close();
  }
}

/** The search objects missing from a migrated PostgreSQL database, judged from its schema dump. */
export function missingInPostgresDump(dump: string): string[] {
  const { tables, triggers } = SEARCH_OBJECTS.postgresql;
  const missing = tables.filter((name) => !dump.includes(`CREATE TABLE public.${name} (`));
  missing.push(...triggers.filter((name) => !dump.includes(`CREATE TRIGGER ${name} `)));
  if (!/CREATE INDEX search_document_vector_idx ON public\.search_document USING gin \(vector\)/.test(dump)) {
    missing.push("search_document_vector_idx");
  }
  return missing;
}

/**
 * Read access to a server's database for the checks, the same SQL on both databases: identifiers
 * double-quoted (SQLite accepts that too), `?` placeholders (numbered for PostgreSQL here).
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { Database as DatabaseKind } from "./config";

// count(*) and sum() are bigint on PostgreSQL, which pg hands over as strings: the counts here fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

export interface SqlConnection {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs statements that return nothing (the seed copy uses it). */
  run(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseLocation {
  kind: DatabaseKind;
  /** `file:` URL for SQLite, `postgresql://` URL for PostgreSQL. */
  url: string;
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export async function connect(
  location: DatabaseLocation,
  options: { readonly?: boolean } = {},
): Promise<SqlConnection> {
  if (location.kind === "sqlite") {
    const db = new Database(location.url.replace(/^file:/, ""), {
      readonly: options.readonly ?? true,
      fileMustExist: true,
    });
    const statements = new Map<string, Database.Statement>();
    const prepared = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    return {
      all: async <T>(sql: string, params: unknown[] = []) => prepared(sql).all(...params) as T[],
      run: async (sql, params = []) => {
        prepared(sql).run(...params);
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  return {
    all: async <T>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows as T[],
    run: async (sql, params = []) => {
      await client.query(numbered(sql), params);
    },
    close: () => client.end(),
  };
}

export async function withConnection<T>(
  location: DatabaseLocation,
  work: (db: SqlConnection) => Promise<T>,
  options: { readonly?: boolean } = {},
): Promise<T> {
  const db = await connect(location, options);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

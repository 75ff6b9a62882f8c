// Raw SQL reads in one D1 round trip. drizzle's own batch() cannot run `db.all(sql)` with
// parameters (it looks for a prepared statement a raw query does not have), so this prepares them.
import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

const dialect = new SQLiteAsyncDialect();

/** @returns the SQL text and parameters drizzle would send for `query`. */
export const toQuery = (query: SQL) => dialect.sqlToQuery(query);

/**
 * Runs every query in one batch (one round trip, one transaction) and returns each one's rows.
 * @example const [a, b] = await batchAll(db, [sql`SELECT 1 AS n`, sql`SELECT ${2} AS n`])
 */
export async function batchAll(db: Db, queries: SQL[]): Promise<Array<Array<Record<string, unknown>>>> {
  const statements = queries.map((q) => {
    const { sql, params } = toQuery(q);
    return db.$client.prepare(sql).bind(...params);
  });
  const results = await db.$client.batch<Record<string, unknown>>(statements);
  return results.map((r) => r.results);
}

// One drizzle handle per D1 binding or session, kept as long as it lives: building one costs more
// than a warm redirect's whole work, and what it wraps does not change between its queries.
import { drizzle } from "drizzle-orm/d1";

export type Db = ReturnType<typeof drizzle>;

const handles = new WeakMap<D1Database | D1DatabaseSession, Db>();

/** @param d1 the binding (the primary), or a Sessions API session of it (replicas, read-your-writes) */
export function getDb(d1: D1Database | D1DatabaseSession): Db {
  let db = handles.get(d1);
  // drizzle asks only for prepare() and batch(), which a session has too
  if (!db) handles.set(d1, (db = drizzle(d1 as D1Database)));
  return db;
}

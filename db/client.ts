// One drizzle handle per D1 binding, kept for the isolate's life: building one costs more than
// a warm redirect's whole work, and the binding it wraps does not change between requests.
import { drizzle } from "drizzle-orm/d1";

export type Db = ReturnType<typeof drizzle>;

const handles = new WeakMap<D1Database, Db>();

export function getDb(d1: D1Database): Db {
  let db = handles.get(d1);
  if (!db) handles.set(d1, (db = drizzle(d1)));
  return db;
}

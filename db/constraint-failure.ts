// Which guard refused a write, read from D1's error: SQLite names the CHECK constraint, the columns
// of a UNIQUE one, or gives the message a trigger RAISEd. Callers compare these names exactly.

export type ConstraintFailure =
  { kind: "check"; name: string } | { kind: "unique"; columns: string } | { kind: "raise"; message: string };

// D1 says e.g. "D1_ERROR: CHECK constraint failed: products_stock_nonneg: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_CHECK)"
const CHECK = /CHECK constraint failed: (\w+): SQLITE_CONSTRAINT/;
const UNIQUE = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*): SQLITE_CONSTRAINT/;
const RAISE = /(?:^|: )(\w+): SQLITE_CONSTRAINT \(extended: SQLITE_CONSTRAINT_TRIGGER\)/;

/** @returns what refused the write, or null for any other failure (which the caller rethrows). */
export function constraintFailure(error: unknown): ConstraintFailure | null {
  // drizzle wraps D1's error in its own; D1 wraps SQLite's: the names are in the chain
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const check = CHECK.exec(e.message);
    if (check) return { kind: "check", name: check[1]! };
    const unique = UNIQUE.exec(e.message);
    if (unique) return { kind: "unique", columns: unique[1]! };
    const raise = RAISE.exec(e.message);
    if (raise) return { kind: "raise", message: raise[1]! };
  }
  return null;
}

/** The columns of a unique index as SQLite names them when it refuses a row: `table.a, table.b`. */
export const uniqueColumns = (table: string, ...columns: string[]) => columns.map((c) => `${table}.${c}`).join(", ");

import "server-only";
import { connectionOf, type Db } from "@/lib/server/db.ts";

/**
 * Reads the lists write in SQL themselves (filters, sorts and keyset pages that Prisma cannot
 * say, such as the nearest of three deadlines): one statement on the client's pool, tables named
 * through `t()` so the integration tests' per-file schemas work.
 */
export type SqlRead = {
  rows: <R extends object>(text: string, values?: readonly unknown[]) => Promise<R[]>;
  t: (table: string) => string;
};

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export function sqlRead(db: Db): SqlRead {
  const { pool, schema } = connectionOf(db);
  const prefix = schema ? `${quoted(schema)}.` : "";
  return {
    rows: async <R extends object>(text: string, values: readonly unknown[] = []) =>
      (await pool.query<R>(text, values as unknown[])).rows,
    t: (table) => prefix + quoted(table),
  };
}

/**
 * Parameters for one statement: `add(value)` returns its placeholder ($1, $2, ...), so the text
 * is built from fixed fragments and every value a person gave travels as a parameter.
 */
export function params() {
  const values: unknown[] = [];
  return {
    values,
    add(value: unknown): string {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

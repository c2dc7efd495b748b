import "server-only";
import { connectionOf, type Db } from "@/lib/server/db.ts";

/**
 * Reads that send their own SQL outside a command's transaction (the sweep's due selection, the
 * dashboard's aggregates, the lists' filters, sorts and keyset pages that Prisma cannot say): one
 * statement on the app's pool, tables named through `t()`, which qualifies them with the client's
 * schema as lib/server/sql/transaction.ts does (the integration tests' per-file schemas).
 */
export type SqlRead = {
  rows<R extends object>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** A table or enum type of this database, quoted and qualified: t("Job") -> "s"."Job". */
  t(identifier: string): string;
};

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export function sqlRead(database: Db): SqlRead {
  const { pool, schema } = connectionOf(database);
  const prefix = schema ? `${quoted(schema)}.` : "";
  return {
    async rows<R extends object>(text: string, values: readonly unknown[] = []) {
      const result = await pool.query<R>(text, values as unknown[]);
      return result.rows;
    },
    t: (identifier) => prefix + quoted(identifier),
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

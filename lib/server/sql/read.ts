import "server-only";
import { connectionOf, type Db } from "@/lib/server/db.ts";

/**
 * Reads that send their own SQL outside a command's transaction (the sweep's due selection, the
 * dashboard's aggregates): one statement on the app's pool, tables named through `t()`, which
 * qualifies them with the client's schema as lib/server/sql/transaction.ts does.
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

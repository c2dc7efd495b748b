import "server-only";
import { eventColumns, VersionConflict, type EventInput } from "@/lib/server/command.ts";
import { noticeFor, noticeInsert } from "@/lib/server/notify/outbox.ts";
import type { SqlTx } from "@/lib/server/sql/transaction.ts";
import { sqlTime } from "@/lib/server/sql/transaction.ts";

type Row = Record<string, unknown>;

/** A JavaScript value as a statement parameter; PostgreSQL infers the column's type from its place. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return sqlTime(value);
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * The writes of one command, sent to the database as ONE statement (data-modifying CTEs), so a
 * scan's drive, job, incidents, events and idempotency record cost one round trip. Every update
 * of a versioned row is a compare-and-set: when one matched no row, flush() throws
 * VersionConflict and the command runs again on fresh rows. One statement may not update a row
 * twice: a command updates each row at most once (it plans all of a row's columns first).
 */
export class WriteBatch {
  private readonly parts: { sql: string; versioned: string | null }[] = [];
  private readonly values: unknown[] = [];

  constructor(private readonly tx: SqlTx) {}

  private param(value: unknown): string {
    this.values.push(parameter(value));
    return `$${this.values.length}`;
  }

  /** UPDATE one row by id; with `version`, only that version, and the version moves on. */
  update(table: string, row: { id: string; version?: number }, set: Row, what: string): this {
    const assignments = Object.entries(set).map(([c, v]) => `"${c}" = ${this.param(v)}`);
    let where = `"id" = ${this.param(row.id)}`;
    if (row.version !== undefined) {
      assignments.push(`"version" = "version" + 1`);
      where += ` AND "version" = ${this.param(row.version)}`;
    }
    this.parts.push({
      sql: `UPDATE ${this.tx.t(table)} SET ${assignments.join(", ")} WHERE ${where} RETURNING 1`,
      versioned: row.version !== undefined ? what : null,
    });
    return this;
  }

  /** INSERT rows that share their columns. */
  insert(table: string, rows: readonly Row[]): this {
    if (rows.length === 0) return this;
    const columns = Object.keys(rows[0]!);
    const tuples = rows.map((r) => `(${columns.map((c) => this.param(r[c] ?? null)).join(", ")})`);
    this.parts.push({
      sql: `INSERT INTO ${this.tx.t(table)} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")} RETURNING 1`,
      versioned: null,
    });
    return this;
  }

  /**
   * Append audit events (the Event table), as appendEvent() does for the Prisma commands, with
   * the outbox notices they cause (lib/server/notify/outbox.ts), in the same statement.
   */
  events(events: readonly EventInput[]): this {
    // A missing `data` is SQL NULL here, as Prisma writes it.
    this.insert(
      "Event",
      events.map((e) => ({ ...eventColumns(e), data: e.data ?? null })),
    );
    for (const e of events) {
      const notice = noticeFor(e);
      if (!notice) continue;
      this.parts.push({
        sql: noticeInsert(
          (name) => this.tx.t(name),
          (v) => this.param(v),
          notice,
        ),
        versioned: null,
      });
    }
    return this;
  }

  /** Send everything as one statement; a compare-and-set that matched nothing is a conflict. */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const ctes = this.parts.map((p, i) => `w${i} AS (${p.sql})`);
    const counts = this.parts.map((_, i) => `(SELECT count(*) FROM w${i})::int AS "w${i}"`);
    const [row] = await this.tx.rows<Record<string, number>>(
      `WITH ${ctes.join(", ")} SELECT ${counts.join(", ")}`,
      this.values,
    );
    this.parts.forEach((p, i) => {
      if (p.versioned && row?.[`w${i}`] !== 1) throw new VersionConflict(p.versioned);
    });
  }
}

import type { PGlite } from "@electric-sql/pglite";
import {
  queryMessage,
  ReadyForQueryScanner,
  SYNC_MESSAGE,
  TERMINATE,
  type TransactionStatus,
} from "./wire.ts";

/**
 * Who may talk to PGlite's single backend, and when. PGlite is one PostgreSQL session; the socket
 * server gives it many connections. pglite-socket's own queue interleaves them message by message,
 * so one connection's Bind could meet another's Parse, and one connection's ROLLBACK could take
 * another's writes with it. Here a connection owns the backend from its first message until a
 * ReadyForQuery says idle ('I') again: not inside a transaction block, not in the middle of an
 * extended-protocol batch (Parse ... Sync). The others' messages wait in arrival order (FIFO).
 * A connection that goes away while it owns the backend has its batch and transaction rolled back,
 * and the backend goes to the next in line. An idle connection owns nothing.
 *
 * It implements the queue interface PGLiteSocketHandler calls (enqueue, clearQueueForHandler,
 * clearTransactionIfNeeded), so that handler still does the framing, SSL and cancel requests.
 */
type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

export type SchedulerOptions = {
  /** An owner idle inside a transaction this long is disconnected (its transaction rolled back). */
  idleInTransactionMs?: number;
  /** Called with the owner to disconnect; the server closes that socket. */
  onIdleInTransaction?: (handlerId: number) => void;
};

export class TransactionScheduler {
  readonly #db: PGlite;
  readonly #options: SchedulerOptions;
  #owner: number | null = null;
  #waiting: Pending[] = [];
  #running = false;
  readonly #dropped = new Set<number>();
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(db: PGlite, options: SchedulerOptions = {}) {
    this.#db = db;
    this.#options = options;
  }

  /** The connection that owns the backend now, if any (for tests and stats). */
  get owner(): number | null {
    return this.#owner;
  }

  getQueueLength(): number {
    return this.#waiting.length;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: Pending["onData"]): Promise<number> {
    // Terminate never reaches PGlite (which has no process to end): the socket closes next, and
    // its close releases the backend.
    if (message[0] === TERMINATE && message.length === 5) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ handlerId, message, onData, resolve, reject });
      void this.#pump();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    this.#waiting = this.#waiting.filter((p) => {
      if (p.handlerId !== handlerId) return true;
      p.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** The connection is gone: if it owns the backend, roll back and hand the backend on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.#owner !== handlerId) return;
    this.#dropped.add(handlerId);
    await this.#pump();
  }

  #next(): Pending | undefined {
    const i =
      this.#owner === null ? 0 : this.#waiting.findIndex((p) => p.handlerId === this.#owner);
    return i < 0 ? undefined : this.#waiting.splice(i, 1)[0];
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        if (this.#owner !== null && this.#dropped.has(this.#owner)) {
          this.#dropped.delete(this.#owner);
          await this.#rollBackOwner();
          this.#owner = null;
          continue;
        }
        const next = this.#next();
        if (!next) break;
        clearTimeout(this.#idleTimer);
        this.#owner = next.handlerId;
        let status: TransactionStatus | null;
        let bytes = 0;
        try {
          status = await this.#exec(next.message, (data) => {
            bytes += data.length;
            next.onData(data);
          });
        } catch (error) {
          // PGlite itself failed (not an SQL error, which is a normal ErrorResponse): drop the
          // connection, whose handler closes on this rejection, and release the backend.
          next.reject(error as Error);
          this.#dropped.add(next.handlerId);
          continue;
        }
        // No ReadyForQuery: mid-batch, the owner keeps the backend for its next message.
        if (status === "I") {
          this.#owner = null;
          this.#dropped.delete(next.handlerId);
        }
        next.resolve(bytes);
      }
      if (this.#owner !== null) this.#armIdleTimer(this.#owner);
    } finally {
      this.#running = false;
    }
  }

  async #exec(
    message: Uint8Array,
    onData: (data: Uint8Array) => void = () => {},
  ): Promise<TransactionStatus | null> {
    const scanner = new ReadyForQueryScanner();
    await this.#db.runExclusive(() =>
      this.#db.execProtocolRawStream(message, {
        onRawData: (data) => {
          scanner.push(data);
          onData(data);
        },
      }),
    );
    return scanner.status;
  }

  /**
   * Back to idle, discarding what the departed owner left. A simple ROLLBACK ends a transaction
   * block, and in the middle of a batch it aborts the batch's implicit transaction (a Sync first
   * would commit it); if the batch had failed, PostgreSQL ignores everything up to Sync, so Sync
   * follows, and a last ROLLBACK ends a failed transaction block the Sync reported ('E').
   */
  async #rollBackOwner(): Promise<void> {
    try {
      await this.#exec(queryMessage("ROLLBACK"));
      const status = await this.#exec(SYNC_MESSAGE);
      if (status !== "I") await this.#exec(queryMessage("ROLLBACK"));
    } catch (error) {
      console.error("embedded database: could not roll back a closed connection:", error);
    }
  }

  #armIdleTimer(owner: number): void {
    const ms = this.#options.idleInTransactionMs;
    if (!ms || !this.#options.onIdleInTransaction) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#owner === owner && !this.#running) this.#options.onIdleInTransaction?.(owner);
    }, ms);
    this.#idleTimer.unref();
  }

  /** Stop the idle timer (the server is closing). */
  close(): void {
    clearTimeout(this.#idleTimer);
  }
}

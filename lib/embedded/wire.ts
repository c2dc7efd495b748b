/**
 * The few pieces of PostgreSQL's wire protocol (v3) the embedded server reads and writes itself;
 * everything else passes through to PGlite untouched.
 */

/** Transaction status of a ReadyForQuery: idle, in a transaction block, in a failed one. */
export type TransactionStatus = "I" | "T" | "E";

/**
 * Reads the backend's messages as they stream out (in chunks cut anywhere) and remembers the
 * status of the last ReadyForQuery ('Z'), or null while none has been seen.
 */
export class ReadyForQueryScanner {
  status: TransactionStatus | null = null;
  #header = Buffer.alloc(0); // the first bytes of a message whose 5-byte header is incomplete
  #type = 0;
  #left = 0; // bytes of the current message's body still to come

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.#left > 0) {
        const take = Math.min(this.#left, chunk.length - i);
        if (this.#type === 0x5a && this.#left === take)
          this.status = statusOf(chunk[i + take - 1]!);
        this.#left -= take;
        i += take;
        continue;
      }
      const need = 5 - this.#header.length;
      const part = chunk.subarray(i, i + need);
      this.#header = Buffer.concat([this.#header, part]);
      i += part.length;
      if (this.#header.length < 5) return;
      this.#type = this.#header[0]!;
      this.#left = this.#header.readInt32BE(1) - 4;
      this.#header = Buffer.alloc(0);
    }
  }
}

function statusOf(byte: number): TransactionStatus {
  const s = String.fromCharCode(byte);
  if (s === "I" || s === "T" || s === "E") return s;
  throw new Error(`ReadyForQuery with an unknown transaction status ${byte}`);
}

function message(type: string, body: Buffer): Uint8Array {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([header, body]));
}

const cstring = (s: string) => Buffer.from(`${s}\0`, "utf8");

/** A simple-protocol Query message. */
export const queryMessage = (sql: string) => message("Q", cstring(sql));

/** Sync: ends an extended-protocol batch (and its error state). */
export const SYNC_MESSAGE = message("S", Buffer.alloc(0));

/** The frontend's Terminate message type ('X'). */
export const TERMINATE = 0x58;

/** An ErrorResponse, for refusals the server makes itself (too many connections, idle timeout). */
export function errorResponse(severity: "ERROR" | "FATAL", code: string, text: string) {
  return message(
    "E",
    Buffer.concat([
      Buffer.from("S"),
      cstring(severity),
      Buffer.from("V"),
      cstring(severity),
      Buffer.from("C"),
      cstring(code),
      Buffer.from("M"),
      cstring(text),
      Buffer.from([0]),
    ]),
  );
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorResponse, queryMessage, ReadyForQueryScanner } from "./wire.ts";

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const ready = (status: string) => message("Z", Buffer.from(status));

describe("ReadyForQueryScanner", () => {
  it("reads the status of the last ReadyForQuery, and null before any", () => {
    const s = new ReadyForQueryScanner();
    s.push(message("1", Buffer.alloc(0)));
    expect(s.status).toBeNull();
    s.push(Buffer.concat([ready("T"), message("C", Buffer.from("INSERT 0 1\0")), ready("I")]));
    expect(s.status).toBe("I");
  });

  it("is not fooled by a 'Z' byte inside another message's body", () => {
    const s = new ReadyForQueryScanner();
    s.push(Buffer.concat([ready("E"), message("D", Buffer.from("ZZZZZI"))]));
    expect(s.status).toBe("E");
  });

  it("finds the same status however the stream is cut into chunks", () => {
    const stream = Buffer.concat([
      message("T", Buffer.from("row description, Z in it")),
      message("D", Buffer.alloc(300, 0x5a)),
      ready("T"),
      message("E", Buffer.from("error")),
      ready("E"),
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 20 }),
        (cuts) => {
          const points = [...new Set(cuts)].sort((a, b) => a - b);
          const s = new ReadyForQueryScanner();
          let from = 0;
          for (const p of [...points, stream.length]) {
            s.push(stream.subarray(from, p));
            from = p;
          }
          expect(s.status).toBe("E");
        },
      ),
    );
  });
});

describe("messages the server writes itself", () => {
  it("frames a Query and an ErrorResponse with their lengths", () => {
    const q = Buffer.from(queryMessage("ROLLBACK"));
    expect(q.toString("latin1", 0, 1)).toBe("Q");
    expect(q.readInt32BE(1)).toBe(q.length - 1);
    const e = Buffer.from(errorResponse("FATAL", "53300", "sorry, too many clients already"));
    expect(e.readInt32BE(1)).toBe(e.length - 1);
    expect(e.toString()).toContain("C53300\0");
  });
});

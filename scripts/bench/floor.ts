/**
 * The floor: what a scan must cost at the least, with no framework. The same writes a received
 * scan makes to the drive and the audit log (the drive's compare-and-set on its version, the event
 * row with the scan's idempotency key), in one transaction, through a plain `pg` pool of the size
 * the app's Prisma client uses (10).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

export type FloorDrive = { id: string; jobId: string; serial: string; version: number };

export class Floor {
  readonly pool: pg.Pool;

  constructor(
    url: string,
    private readonly actor: { id: string; label: string },
    private readonly packageId: string,
    max = 10,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max });
  }

  /** One scan's writes: BEGIN, UPDATE "Drive" ... WHERE id AND version, INSERT "Event", COMMIT. */
  async receive(drive: FloorDrive): Promise<string | void> {
    const client = await this.pool.connect();
    const now = new Date();
    try {
      await client.query("BEGIN");
      const updated = await client.query(
        `UPDATE "Drive" SET state = 'Received', "stateChangedAt" = $3, "receivedAt" = $3,
           "inboundPackageId" = $4, version = version + 1, "updatedAt" = $3
         WHERE id = $1 AND version = $2`,
        [drive.id, drive.version, now, this.packageId],
      );
      if (updated.rowCount !== 1) {
        await client.query("ROLLBACK");
        return `floor: drive ${drive.serial} changed under us`;
      }
      await client.query(
        `INSERT INTO "Event" (at, "actorType", "actorId", "actorLabel", kind, "jobId", "driveId",
           "packageId", "fromState", "toState", data, "idempotencyKey")
         VALUES ($1, 'user', $2, $3, 'drive.receive', $4, $5, $6, 'Specified', 'Received', $7, $8)`,
        [
          now,
          this.actor.id,
          this.actor.label,
          drive.jobId,
          drive.id,
          this.packageId,
          JSON.stringify({ serial: drive.serial, rule: "R-D3" }),
          `scan:${randomUUID()}`,
        ],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

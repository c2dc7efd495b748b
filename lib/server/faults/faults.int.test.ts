import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import type { DriveState, JobState } from "@/lib/generated/prisma/enums.ts";
import { resolveDriveFault } from "@/lib/server/drives/commands.ts";
import { raiseDriveFault, recordContactAttempt } from "@/lib/server/faults/commands.ts";
import { faultsQueue } from "@/lib/server/faults/queries.ts";

let t: TestDatabase;
let customerId: string;
let n = 0;
const DAY = 86_400_000;
const ana = {
  type: "user",
  id: "u-ana",
  label: "Ana Ruiz",
  role: "operator",
} as const satisfies ActorRef;
const sam = {
  type: "user",
  id: "u-sam",
  label: "Sam Keller",
  role: "supervisor",
} as const satisfies ActorRef;

async function driveIn(jobState: JobState, state: DriveState) {
  const job = await t.db.job.create({
    data: {
      customerId,
      name: `faults-${++n}`,
      type: "Import",
      storageAccount: "s",
      state: jobState,
    },
  });
  const drive = await t.db.drive.create({
    data: { jobId: job.id, serial: `WD-FAULT${++n}`, state },
  });
  return { jobId: job.id, driveId: drive.id };
}

beforeAll(async () => {
  t = await freshDatabase();
  customerId = (
    await t.db.customer.create({
      data: {
        name: "Contoso",
        contactName: "Pat Lee",
        contactEmail: "pat@contoso.test",
        contactPhone: "+1 425 555 0100",
      },
    })
  ).id;
});
afterAll(() => t.drop());

describe("faults", () => {
  it("R-F1: an operator faults a drive with a reason: Faulted, faultedFrom kept, '<label>: <note>'", async () => {
    const { driveId } = await driveIn("Received", "Received");
    const now = new Date();
    const res = await raiseDriveFault(
      t.db,
      ana,
      driveId,
      { reason: "diskCorrupted", note: "Does not mount" },
      now,
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const drive = await t.db.drive.findUniqueOrThrow({ where: { id: driveId } });
    expect(drive).toMatchObject({
      state: "Faulted",
      faultedFrom: "Received",
      faultReason: "Disk corrupted: Does not mount",
    });
    const event = await t.db.event.findFirst({ where: { driveId, kind: "drive.fault" } });
    expect(event?.toState).toBe("Faulted");
  });

  it("R-F2, R-F3: the queue lists faulted drives oldest first, with age, contact and targets", async () => {
    const now = new Date();
    const older = await driveIn("Received", "Received");
    const newer = await driveIn("Received", "Received");
    const reason = { reason: "hardwareError", note: "Bad port" } as const;
    expect(
      (await raiseDriveFault(t.db, ana, newer.driveId, reason, new Date(now.getTime() - DAY))).ok,
    ).toBe(true);
    expect(
      (await raiseDriveFault(t.db, ana, older.driveId, reason, new Date(now.getTime() - 3 * DAY)))
        .ok,
    ).toBe(true);
    const queue = await faultsQueue(t.db, now);
    const ids = queue.map((i) => i.id);
    expect(ids.indexOf(older.driveId)).toBeLessThan(ids.indexOf(newer.driveId));
    for (let i = 1; i < queue.length; i++) {
      expect(queue[i]!.since.getTime()).toBeGreaterThanOrEqual(queue[i - 1]!.since.getTime());
    }
    const item = queue.find((i) => i.id === older.driveId)!;
    expect(item).toMatchObject({
      kind: "drive",
      jobId: older.jobId,
      ageDays: 3,
      faultedFrom: "Received",
      reason: "Hardware error: Bad port",
      customer: {
        contactName: "Pat Lee",
        contactEmail: "pat@contoso.test",
        contactPhone: "+1 425 555 0100",
      },
      contactCount: 0,
      lastContact: null,
    });
    expect(item.targets).toContain("Received");
    expect(item.targets).not.toContain("Faulted");
  });

  it("R-F3: resolving to an allowed state works; a state the domain does not offer is refused and changes nothing", async () => {
    const now = new Date();
    const { driveId } = await driveIn("Received", "Received");
    expect(
      (await raiseDriveFault(t.db, ana, driveId, { reason: "other", note: "Odd" }, now)).ok,
    ).toBe(true);
    const [item] = (await faultsQueue(t.db, now)).filter((i) => i.id === driveId);
    expect(item?.targets).not.toContain("Completed");

    const before = await t.db.drive.findUniqueOrThrow({ where: { id: driveId } });
    const events = await t.db.event.count();
    const refused = await resolveDriveFault(t.db, sam, driveId, "Completed", "Skip ahead", now);
    expect(refused.ok).toBe(false);
    expect(await t.db.drive.findUniqueOrThrow({ where: { id: driveId } })).toEqual(before);
    expect(await t.db.event.count()).toBe(events);

    const resolved = await resolveDriveFault(t.db, sam, driveId, "Received", "Reseated", now);
    expect(resolved.ok, JSON.stringify(resolved)).toBe(true);
    expect(await t.db.drive.findUniqueOrThrow({ where: { id: driveId } })).toMatchObject({
      state: "Received",
      faultReason: null,
    });
    expect((await faultsQueue(t.db, now)).some((i) => i.id === driveId)).toBe(false);
  });

  it("R-F2: a contact attempt is recorded with an event, and the queue shows it", async () => {
    const now = new Date();
    const { jobId, driveId } = await driveIn("Received", "Received");
    expect(
      (await raiseDriveFault(t.db, ana, driveId, { reason: "other", note: "Odd" }, now)).ok,
    ).toBe(true);
    const res = await recordContactAttempt(
      t.db,
      sam,
      { jobId, driveId, channel: "phone", result: "noAnswer", outcome: "Left a voicemail" },
      now,
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const attempt = await t.db.contactAttempt.findFirstOrThrow({ where: { driveId } });
    expect(attempt).toMatchObject({
      jobId,
      channel: "phone",
      result: "noAnswer",
      waitUntil: null,
      outcome: "Left a voicemail",
      byUserId: sam.id,
    });
    const event = await t.db.event.findFirstOrThrow({
      where: { driveId, kind: "contact.recorded" },
    });
    expect(event).toMatchObject({ jobId, actorLabel: "Sam Keller", reason: "Left a voicemail" });
    const item = (await faultsQueue(t.db, now)).find((i) => i.id === driveId);
    expect(item).toMatchObject({
      contactCount: 1,
      lastContact: { channel: "phone", result: "noAnswer" },
    });
  });

  it("R-F2: 'asked to wait' is stored with the end of the chosen day; a past day or a missing one is refused", async () => {
    const now = new Date("2030-05-10T09:00:00Z");
    const { jobId } = await driveIn("Received", "Received");
    const asked = (waitUntil?: Date) =>
      recordContactAttempt(
        t.db,
        sam,
        { jobId, channel: "phone", result: "askedToWait", waitUntil, outcome: "Call back" },
        now,
      );
    expect(await asked()).toMatchObject({ ok: false, error: { code: "refused" } });
    expect(await asked(new Date("2030-05-09"))).toMatchObject({ ok: false });
    expect(await t.db.contactAttempt.count({ where: { jobId } })).toBe(0);
    expect((await asked(new Date("2030-05-20"))).ok).toBe(true);
    expect(await t.db.contactAttempt.findFirstOrThrow({ where: { jobId } })).toMatchObject({
      result: "askedToWait",
      waitUntil: new Date("2030-05-20T23:59:59.999Z"),
    });
  });

  it("R-F2: a contact about a drive of another job is refused and records nothing", async () => {
    const a = await driveIn("Received", "Received");
    const b = await driveIn("Received", "Received");
    const events = await t.db.event.count();
    const res = await recordContactAttempt(
      t.db,
      sam,
      { jobId: a.jobId, driveId: b.driveId, channel: "email", result: "noAnswer", outcome: "Sent" },
      new Date(),
    );
    expect(res.ok).toBe(false);
    expect(await t.db.event.count()).toBe(events);
    expect(await t.db.contactAttempt.count({ where: { jobId: a.jobId } })).toBe(0);
  });
});

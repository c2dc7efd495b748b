import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok, RETURN_ADDRESS, SAM } from "@/test/fixtures.ts";
import { SWEEP } from "@/lib/server/actor.ts";
import { noticeEmail } from "@/lib/server/notify/compose.ts";
import { recordContactAttempt } from "@/lib/server/faults/commands.ts";
import { faultItems } from "@/lib/server/faults/queries.ts";
import { openIncident } from "@/lib/server/incidents/commands.ts";
import {
  createJob,
  faultJob,
  markJobShipping,
  updateJobProperties,
} from "@/lib/server/jobs/commands.ts";
import {
  claimDeliveries,
  fanOutNotices,
  recordOutcome,
  runDeliveryPass,
  type Sender,
} from "@/lib/server/notify/worker.ts";

/**
 * Issue 12: each automatic email the mail server accepted is a contact attempt on its job
 * ("notified"), with its audit event, so the deadline rules and the supervisors' pages see it.
 */
let t: TestDatabase;
let customerId: string;
let customer: Awaited<ReturnType<typeof createCustomer>>["customer"];
let n = 0;
const T0 = new Date("2026-12-02T10:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);
const accept: Sender = async () => ({ ok: true });

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

async function shippingJob() {
  const name = `contact-${++n}`;
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name,
        type: "Import",
        storageAccount: "contosodata",
        drives: [{ serial: `WD-C${n}` }],
        returnAddress: { ...RETURN_ADDRESS, email: "pat@contoso.example" },
      } as Parameters<typeof createJob>[2],
      T0,
    ),
  );
  ok(
    await updateJobProperties(
      t.db,
      customer,
      id,
      { deliveryPackage: { carrierName: "UPS", trackingNumber: `1ZC${n}` } },
      T0,
    ),
  );
  ok(await markJobShipping(t.db, customer, id, T0));
  return id;
}

describe("automatic emails as contact attempts", () => {
  it("R-E2: the first email about a missing package starts the customer's 30 days to answer; later ones move nothing", async () => {
    const jobId = await shippingJob();
    await runDeliveryPass(t.db, accept, () => at(0)); // the Creating and Shipping mails
    const opened = at(14 * DAY);
    const { id: incidentId } = ok(
      await openIncident(
        t.db,
        SWEEP,
        { kind: "PackageOverdue", jobId, summary: "No package after 14 days" },
        opened,
      ),
    );
    const before = await t.db.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(before.answerDeadline).toEqual(new Date(opened.getTime() + 30 * DAY));

    // The mail server was down for two hours: the email goes out then, and says the date the
    // rules will act on (30 days from the email).
    const sentAt = new Date(opened.getTime() + 2 * HOUR);
    const [notice] = await t.db.notice.findMany({ where: { incidentId } });
    const mail = await noticeEmail(t.db, { ...notice!, job: notice!.job as never }, sentAt);
    expect(mail?.deadline).toEqual(new Date(sentAt.getTime() + 30 * DAY));
    expect(mail?.text).toContain("Without an answer from you by then, the job is closed.");
    expect((await runDeliveryPass(t.db, accept, () => sentAt)).sent).toBe(1);

    const contacts = await t.db.contactAttempt.findMany({ where: { incidentId } });
    expect(contacts).toEqual([
      expect.objectContaining({
        channel: "email",
        result: "notified",
        byUserId: "system",
        at: sentAt,
        outcome: "Automatic email to pat@contoso.example",
      }),
    ]);
    const after = await t.db.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(after.answerDeadline).toEqual(new Date(sentAt.getTime() + 30 * DAY));
    expect(after.version).toBe(before.version + 1);
    const events = await t.db.event.findMany({ where: { incidentId, kind: "contact.recorded" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "system",
      actorLabel: "Automatic email",
      data: {
        result: "notified",
        rule: "R-E2",
        answerDeadline: after.answerDeadline!.toISOString(),
        previousAnswerDeadline: before.answerDeadline!.toISOString(),
      },
    });
    // Every email of the job is a contact attempt, each once (three: Creating, Shipping, overdue).
    expect(await t.db.contactAttempt.count({ where: { jobId, result: "notified" } })).toBe(3);
  });

  it("R-E2: a supervisor who already told the customer keeps the deadline counted from the opening", async () => {
    const jobId = await shippingJob();
    await runDeliveryPass(t.db, accept, () => at(0));
    const opened = at(14 * DAY);
    const { id: incidentId } = ok(
      await openIncident(
        t.db,
        SWEEP,
        { kind: "PackageOverdue", jobId, summary: "No package after 14 days" },
        opened,
      ),
    );
    await t.db.contactAttempt.create({
      data: {
        jobId,
        incidentId,
        channel: "phone",
        result: "noAnswer",
        outcome: "Rang twice",
        byUserId: "sup",
        at: opened,
      },
    });
    await runDeliveryPass(t.db, accept, () => new Date(opened.getTime() + HOUR));
    const row = await t.db.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(row.answerDeadline).toEqual(new Date(opened.getTime() + 30 * DAY));
    expect(await t.db.contactAttempt.count({ where: { incidentId } })).toBe(2);
  });

  it("a delivery recorded twice (a worker that overran its lease) is one contact attempt; a failed email is none", async () => {
    const jobId = await shippingJob();
    await fanOutNotices(t.db, at(0));
    const [first, ...rest] = await claimDeliveries(t.db, at(0), 50);
    expect(first).toBeDefined();
    expect(await recordOutcome(t.db, first!, { ok: true }, at(1000))).toBe("sent");
    expect(await recordOutcome(t.db, first!, { ok: true }, at(2000))).toBe("lost");
    expect(await t.db.contactAttempt.count({ where: { deliveryId: first!.id } })).toBe(1);
    for (const d of rest) {
      expect(
        await recordOutcome(t.db, d, { ok: false, error: "550 mailbox unavailable" }, at(3000)),
      ).toBe("retry");
      expect(await t.db.contactAttempt.count({ where: { deliveryId: d.id } })).toBe(0);
    }
    expect(rest.length + 1).toBeGreaterThanOrEqual(2);
    expect(await t.db.event.count({ where: { jobId, kind: "contact.recorded" } })).toBe(1);
  });

  it("R-F2: a fault counts the emails since it began, not the ones about earlier states; the follow-up day is a supervisor's", async () => {
    const jobId = await shippingJob();
    await runDeliveryPass(t.db, accept, () => at(0)); // Creating and Shipping: before the fault
    ok(await faultJob(t.db, SAM, jobId, "Label unreadable", at(DAY)));
    let [item] = await faultItems(t.db, at(DAY), { jobIds: [jobId], driveIds: [] });
    expect(item).toMatchObject({ kind: "job", contactCount: 0 });
    await runDeliveryPass(t.db, accept, () => at(DAY + 60_000)); // the Faulted mail
    [item] = await faultItems(t.db, at(DAY + 60_000), { jobIds: [jobId], driveIds: [] });
    expect(item).toMatchObject({
      contactCount: 1,
      lastContact: { channel: "email", result: "notified" },
    });
    ok(
      await recordContactAttempt(
        t.db,
        SAM,
        {
          jobId,
          channel: "phone",
          result: "askedToWait",
          waitUntil: at(5 * DAY),
          outcome: "Will call back on Monday",
        },
        at(DAY + 120_000),
      ),
    );
    [item] = await faultItems(t.db, at(DAY + 120_000), { jobIds: [jobId], driveIds: [] });
    expect(item).toMatchObject({ contactCount: 2, lastContact: { result: "askedToWait" } });
  });
});

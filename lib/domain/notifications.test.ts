import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { INCIDENT_KINDS } from "./incidents.ts";
import {
  DELIVERY_GIVE_UP_MS,
  emailRecipients,
  nextAttemptAt,
  noticeTopic,
  planDeliveries,
  WEBHOOK_EVENT_TYPES,
} from "./notifications.ts";
import { DRIVE_STATES, JOB_STATES } from "./states.ts";

const JOB = { customerId: "c1", notificationEmails: [], returnEmail: "Ops@Example.com" };

describe("noticeTopic: which audit events the customer hears about", () => {
  it("every job state change, from any state to any other (R-J1..R-J13, R-J14, R-F1, R-F3)", () => {
    for (const from of JOB_STATES) {
      for (const to of [...JOB_STATES, "Deleted"]) {
        const topic = noticeTopic({ kind: "job.state", jobId: "j", fromState: from, toState: to });
        if (from === to) expect(topic).toBeNull();
        else expect(topic).toEqual({ type: "job.state_changed", from, to });
      }
    }
  });

  it("R-J1: a job just created, in Creating", () => {
    expect(noticeTopic({ kind: "job.created", jobId: "j", toState: "Creating" })).toEqual({
      type: "job.state_changed",
      from: null,
      to: "Creating",
    });
  });

  it("a job event that leaves the state as it is (an update while Creating, R-J3) tells no one", () => {
    expect(
      noticeTopic({
        kind: "job.updateProperties",
        jobId: "j",
        fromState: "Creating",
        toState: "Creating",
      }),
    ).toBeNull();
    expect(noticeTopic({ kind: "job.note", jobId: "j" })).toBeNull();
  });

  it("each error event opened on a job (R-E1..R-E5), and none without a job", () => {
    for (const kind of INCIDENT_KINDS) {
      expect(noticeTopic({ kind: "incident.opened", jobId: "j", data: { kind } })).toEqual({
        type: "job.error_event",
        incidentKind: kind,
      });
      expect(noticeTopic({ kind: "incident.opened", jobId: null, data: { kind } })).toBeNull();
    }
    expect(noticeTopic({ kind: "incident.opened", jobId: "j", data: { kind: "Nope" } })).toBeNull();
    expect(noticeTopic({ kind: "incident.opened", jobId: "j" })).toBeNull();
  });

  it("a drive entering Faulted (R-F1), and no other drive change", () => {
    for (const from of DRIVE_STATES) {
      for (const to of DRIVE_STATES) {
        const topic = noticeTopic({
          kind: "drive.fault",
          jobId: "j",
          fromState: from,
          toState: to,
        });
        expect(topic).toEqual(
          to === "Faulted" && from !== "Faulted" ? { type: "drive.faulted" } : null,
        );
      }
    }
  });

  it("events of other kinds (sign-ins, keys, sites, incident outcomes) tell no one", () => {
    for (const kind of [
      "user.signin.succeeded",
      "apiKey.issued",
      "site.created",
      "incident.resolved",
      "statusLink.created",
      "contact.recorded",
    ]) {
      expect(noticeTopic({ kind, jobId: "j", fromState: "Open", toState: "Resolved" })).toBeNull();
    }
  });
});

describe("planDeliveries: who gets a notice", () => {
  it("emails the notification addresses when there are some, else the return address's email", () => {
    expect(emailRecipients(JOB)).toEqual(["ops@example.com"]);
    expect(
      emailRecipients({ ...JOB, notificationEmails: ["a@x.fr", "A@x.fr ", "b@y.com"] }),
    ).toEqual(["a@x.fr", "b@y.com"]);
    expect(emailRecipients({ ...JOB, returnEmail: null })).toEqual([]);
    expect(emailRecipients({ ...JOB, returnEmail: "not an address" })).toEqual([]);
  });

  it("webhooks: only the subscriptions that asked for the notice's type, once each", () => {
    const subs = [
      { id: "s1", url: "https://a.example/h", events: ["job.state_changed"] },
      { id: "s2", url: "https://b.example/h", events: ["job.error_event"] },
      { id: "s1", url: "https://a.example/h", events: ["job.state_changed"] },
    ];
    expect(
      planDeliveries({ type: "job.state_changed", from: "Creating", to: "Shipping" }, JOB, subs),
    ).toEqual([
      { channel: "email", target: "ops@example.com" },
      { channel: "webhook", target: "https://a.example/h", subscriptionId: "s1" },
    ]);
    expect(planDeliveries({ type: "drive.faulted" }, JOB, subs)).toEqual([
      { channel: "email", target: "ops@example.com" },
    ]);
    expect(planDeliveries({ type: "drive.faulted" }, null, subs)).toEqual([]);
  });

  it("never plans two deliveries to one target (the outbox's unique key)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.emailAddress(), { maxLength: 5 }),
        fc.array(
          fc.record({
            id: fc.constantFrom("a", "b", "c"),
            url: fc.constantFrom("https://x.example", "https://y.example"),
            events: fc.subarray([...WEBHOOK_EVENT_TYPES]),
          }),
          { maxLength: 6 },
        ),
        fc.constantFrom(...WEBHOOK_EVENT_TYPES),
        (emails, subs, type) => {
          const topic =
            type === "job.state_changed"
              ? { type, from: "Creating", to: "Shipping" }
              : type === "job.error_event"
                ? { type, incidentKind: "ExtraDrive" as const }
                : { type };
          const plan = planDeliveries(topic, { ...JOB, notificationEmails: emails }, subs);
          const keys = plan.map(
            (p) => `${p.channel}:${p.channel === "webhook" ? p.subscriptionId : p.target}`,
          );
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });
});

describe("nextAttemptAt: exponential backoff with jitter, given up after 24 hours", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  const giveUp = new Date(now.getTime() + DELIVERY_GIVE_UP_MS);

  it("doubles from 30 s, jittered within the upper half, capped at one hour", () => {
    const delay = (attempts: number, r: number) =>
      nextAttemptAt(attempts, now, giveUp, r)!.getTime() - now.getTime();
    expect(delay(1, 0)).toBe(15_000);
    expect(delay(1, 0.999999)).toBeCloseTo(30_000, -1);
    expect(delay(2, 0)).toBe(30_000);
    expect(delay(3, 0)).toBe(60_000);
    expect(delay(20, 0)).toBe(30 * 60_000);
    expect(delay(20, 0.999999)).toBeLessThanOrEqual(60 * 60_000);
  });

  it("is never before now nor after the give-up time; null past it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const at = nextAttemptAt(n, now, giveUp, r);
          if (at) {
            expect(at.getTime()).toBeGreaterThan(now.getTime());
            expect(at.getTime()).toBeLessThanOrEqual(giveUp.getTime());
          }
        },
      ),
    );
    expect(nextAttemptAt(3, new Date(giveUp.getTime() - 1000), giveUp, 0.5)).toBeNull();
  });
});

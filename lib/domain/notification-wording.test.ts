import { describe, expect, it } from "vitest";
import { INCIDENT_KINDS } from "./incidents.ts";
import { noticeMail, type NoticeMailInput } from "./notification-wording.ts";
import type { NoticeTopic } from "./notifications.ts";
import { JOB_STATES } from "./states.ts";
import { reusedRuns } from "@/lib/status-page/seed-overlap.ts";
import shingleFile from "@/lib/status-page/seed-shingles.json";

const seedHashes = new Set<string>(shingleFile as string[]);
const at = new Date("2026-12-02T09:30:00Z");
const base: Omit<NoticeMailInput, "topic" | "lang"> = {
  jobName: "backup-<2026>",
  at,
  shippingInfoAt: at,
  driveSerial: "WD-1234",
  statusPageUrl: null,
};

const topics: NoticeTopic[] = [
  ...JOB_STATES.map((to) => ({ type: "job.state_changed" as const, from: "Creating", to })),
  { type: "job.state_changed", from: "Creating", to: "Deleted" },
  ...INCIDENT_KINDS.map((incidentKind) => ({ type: "job.error_event" as const, incidentKind })),
  { type: "drive.faulted" },
];

describe("noticeMail: the customer's email for a notice", () => {
  it("R-E2: the overdue package mail asks for an answer and gives the 30-day deadline", () => {
    const en = noticeMail({
      ...base,
      lang: "en",
      topic: { type: "job.error_event", incidentKind: "PackageOverdue" },
    });
    expect(en.text).toContain("keep waiting");
    expect(en.deadline).toEqual(new Date("2027-01-01T09:30:00Z"));
    expect(en.text).toContain("Friday, 1 January 2027 at 09:30 UTC");
    const fr = noticeMail({
      ...base,
      lang: "fr",
      topic: { type: "job.error_event", incidentKind: "PackageOverdue" },
    });
    expect(fr.text).toContain("vendredi 1 janvier 2027");
    expect(fr.subject).toContain("colis");
  });

  it("R-J6: entering Shipping names the day the package is due", () => {
    const m = noticeMail({
      ...base,
      lang: "en",
      topic: { type: "job.state_changed", from: "Creating", to: "Shipping" },
    });
    expect(m.deadline).toEqual(new Date("2026-12-16T09:30:00Z"));
    expect(m.subject).toBe("Dockside: job “backup-<2026>” is now Shipping");
  });

  it("includes the status page link when there is one, and says how to get one otherwise", () => {
    const topic: NoticeTopic = { type: "job.state_changed", from: "Creating", to: "Shipping" };
    const withLink = noticeMail({
      ...base,
      lang: "en",
      topic,
      statusPageUrl: "https://d.example/status/abc",
    });
    expect(withLink.text).toContain("https://d.example/status/abc");
    expect(withLink.html).toContain('href="https://d.example/status/abc"');
    expect(noticeMail({ ...base, lang: "en", topic }).text).toContain("reply to this email");
  });

  it("every mail, in both languages: escaped HTML with its lang, no placeholder left, own words", () => {
    for (const lang of ["en", "fr"] as const) {
      for (const topic of topics) {
        const m = noticeMail({ ...base, lang, topic });
        expect(m.html).toContain(`<html lang="${lang}">`);
        expect(m.html).toContain("backup-&lt;2026&gt;");
        expect(m.html).not.toContain("backup-<2026>");
        for (const s of [m.subject, m.text, m.html]) {
          expect(s).not.toMatch(/\$\{|undefined|null|NaN|Invalid Date/);
        }
        expect(reusedRuns(m.text, seedHashes)).toEqual([]);
      }
    }
  });
});

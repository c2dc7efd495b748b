import "server-only";
import { createHash } from "node:crypto";
import { normalizeDriveSerial, planDriveScan, scanIntoPackage } from "@/lib/domain/index.ts";
import { askBeforeExtra } from "./near-match.ts";
import { can } from "@/lib/permissions.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { isLiveSession } from "@/lib/server/auth/current-user.ts";
import { fail, fromRefusal, type CommandResult } from "@/lib/server/command.ts";
import { runSqlCommand } from "@/lib/server/sql/transaction.ts";
import type { ScanOutcome } from "@/lib/dock-outcomes.ts";
import { newWrites, type ScanContext } from "./context.ts";
import { doubleScan } from "./double-scan.ts";
import { readScanFacts, startScan } from "./facts.ts";
import { recordArrival } from "./arrival.ts";
import { holdWithoutJob } from "./hold.ts";
import { holdForJobNotShipping, receiveListedDrive } from "./receive.ts";
import { shipDriveBack } from "./ship-back.ts";

export type ScanRequest = {
  packageId: string;
  code: string;
  scanId: string;
  supervisorOverride?: boolean | undefined;
  /**
   * The operator scanned this serial again right after the dock asked "did you mean ...?" (or
   * "mistyped label?"): record it as an extra drive (R-E5) without asking again. The server still
   * decides on its own rows: a serial that is on a list by now is received as any other.
   */
  confirmExtra?: boolean | undefined;
};

/** Who the session cookie says is scanning; the user row itself is re-read in the scan's first statement. */
export type ScanSession = { userId: string; sessionId: string; issuedAt: Date };

/**
 * Who scans: a session to check inside the scan (the route: the re-read costs no round trip of
 * its own), or a user the caller has already authorized (in-process callers, tests, the seed).
 */
export type Scanner = { session: ScanSession } | { actor: Extract<ActorRef, { type: "user" }> };

/**
 * Points inside a scan's transaction where the integration tests run another command, to force an
 * interleaving that timing alone would rarely produce. Nothing else passes them.
 */
export type ScanHooks = {
  /** After the package and serial locks are held, before the jobs are locked and read. */
  afterLocks?: () => Promise<void>;
  /** After the facts are read under every lock, before anything is written. */
  afterFacts?: () => Promise<void>;
};

export const KEY_REUSED_MESSAGE =
  "This scan id was already used for another scan. Nothing was changed: send each scan with a new id.";

/** What makes two requests with one scan id the same request. */
function requestHash(request: ScanRequest, serial: string): string {
  const canonical = JSON.stringify([
    "dock.scan",
    request.packageId,
    serial,
    request.supervisorOverride ?? false,
    request.confirmExtra ?? false,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * One drive scan at the dock, into the open package: received (inbound) or shipped back (return).
 * One transaction of the dock's own SQL, in at most five round trips: BEGIN; the package locked
 * FOR SHARE, the serial's lock and the user (startScan); the jobs locked and the facts read
 * (readScanFacts); every write in one statement; COMMIT. The domain decides from the rows read
 * (planDriveScan, then the drive and job rules), one handler per outcome writes.
 *
 * Idempotent by scan id: the first answer is stored with a hash of the request; the same id and
 * request gets that answer again, the same id with another request is refused (key_reused).
 *
 * A serial on no list that is one or two edits off an expected drive of the package, or that
 * looks like a mistyped tracking number, is not recorded (no write at all: the transaction reads
 * and commits, four round trips): the answer asks, and the same serial scanned again with
 * `confirmExtra` is recorded as an extra drive (R-E5), or held when the package has no job (R-E1).
 */
export function scanDrive(
  database: Db,
  scanner: Scanner,
  request: ScanRequest,
  now: Date,
  hooks: ScanHooks = {},
): Promise<CommandResult<ScanOutcome>> {
  const parsed = normalizeDriveSerial(request.code);
  if (!parsed.ok) return Promise.resolve(fail("invalid", parsed.refusal.message));
  const serial = parsed.value.serial;
  const key = `scan:${request.scanId}`;
  const hash = requestHash(request, serial);
  return runSqlCommand(database, async (tx) => {
    const userId = "session" in scanner ? scanner.session.userId : scanner.actor.id;
    const sessionId = "session" in scanner ? scanner.session.sessionId : null;
    const start = await startScan(tx, { packageId: request.packageId, serial, userId, sessionId });
    const user =
      "actor" in scanner
        ? { name: scanner.actor.label, role: scanner.actor.role }
        : start.user &&
            isLiveSession(scanner.session, start.user, {
              ownerMatches: start.session?.userId === userId,
              endedAt: start.session?.endedAt ?? null,
              expiresAt: start.session?.expiresAt ?? new Date(0),
              now,
            }) &&
            start.session
          ? start.user
          : null;
    if (!user) return fail("unauthenticated", "You are signed out. Sign in again to continue.");
    if (!can(user.role, "dock:work"))
      return fail(
        "forbidden",
        "Your role does not allow this. Ask a supervisor or an administrator.",
      );
    if (request.supervisorOverride && !can(user.role, "dock:override"))
      return fail(
        "forbidden",
        "Only a supervisor can ship back a drive whose copy is not finished.",
      );
    const pkg = start.package;
    if (!pkg) return fail("not_found", "There is no such package: scan its label again.");
    await hooks.afterLocks?.();
    const facts = await readScanFacts(tx, {
      serial,
      trackingNumber: pkg.direction === "Inbound" ? pkg.trackingNumber : null,
      idempotencyKey: key,
    });
    await hooks.afterFacts?.();
    if (facts.idempotent) {
      return facts.idempotent.requestHash === hash
        ? { ok: true, value: facts.idempotent.response as ScanOutcome }
        : fail("key_reused", KEY_REUSED_MESSAGE);
    }
    const open = scanIntoPackage(pkg);
    if (!open.ok) return fromRefusal(open.refusal);
    const ctx: ScanContext = {
      tx,
      actor: { type: "user", id: userId, label: user.name, role: user.role },
      now,
      pkg,
      serial,
      key,
      requestHash: hash,
      facts,
      writes: newWrites(tx),
    };
    if (pkg.direction === "Return") return shipDriveBack(ctx, request.supervisorOverride ?? false);

    const plan = planDriveScan(
      facts.jobs
        .filter((j) => j.inPackage)
        .map((j) => ({
          jobId: j.id,
          name: j.name,
          type: j.type,
          state: j.state,
          customerId: j.customerId,
        })),
      facts.serialDrives.map((d) => {
        const job = facts.jobs.find((j) => j.id === d.jobId);
        return {
          driveId: d.id,
          jobId: d.jobId,
          jobName: job?.name ?? null,
          jobState: job?.state ?? null,
          customerId: job?.customerId ?? null,
          state: d.state,
          extra: d.extra,
        };
      }),
    );
    switch (plan.kind) {
      case "receive":
        return receiveListedDrive(ctx, plan);
      case "alreadyHere":
        return doubleScan(ctx, plan.driveId, "receive");
      case "alreadyShippedBack":
        return fail(
          "refused",
          `Drive ${serial} was shipped back to its customer already. Set it aside and call a supervisor.`,
        );
      case "holdJobNotShipping":
        return holdForJobNotShipping(ctx, plan);
      case "holdUnknown": {
        const asked = request.confirmExtra ? null : askBeforeExtra(ctx, request.code);
        return asked ? { ok: true, value: asked } : holdWithoutJob(ctx, plan);
      }
      case "holdContested":
        return holdWithoutJob(ctx, plan);
      case "extra": {
        const asked = request.confirmExtra ? null : askBeforeExtra(ctx, request.code);
        return asked ? { ok: true, value: asked } : recordArrival(ctx, plan);
      }
      case "exportDrive":
        return recordArrival(ctx, plan);
    }
  });
}

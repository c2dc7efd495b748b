-- A contact attempt's result becomes data the supervisor chooses (lib/domain/contact-results.ts),
-- and a drive disposed of through an incident's outcome says so (R-E1, R-E4).

-- CreateEnum
CREATE TYPE "ContactResult" AS ENUM ('reachedWillShip', 'askedToWait', 'noAnswer', 'unreachable');

-- CreateEnum
CREATE TYPE "DriveDisposal" AS ENUM ('Returned', 'Destroyed');

-- AlterTable: added nullable, filled from the old rows, then required.
ALTER TABLE "ContactAttempt" ADD COLUMN     "result" "ContactResult",
ADD COLUMN     "waitUntil" TIMESTAMP(3);

-- Old rows keep the meaning the sweep gave them: their note was read for the words "reached",
-- "answered", "replied", "responded" or "spoke", unless negated ("not reached", "unreachable").
-- A note that says "unreachable" (or "not reachable") stays unreachable, anything else was read as
-- "no answer", which kept the deadlines running.
UPDATE "ContactAttempt" SET "result" = CASE
  WHEN "outcome" ~* '\m(reached|answered|replied|responded|spoke)\M'
    AND NOT "outcome" ~* '(\m(not|no|never|un)\M[[:space:]-]*(reached|answered|replied|responded|spoke))|unreach'
    THEN 'reachedWillShip'::"ContactResult"
  WHEN "outcome" ~* 'unreach|not reachable' THEN 'unreachable'::"ContactResult"
  ELSE 'noAnswer'::"ContactResult"
END;

ALTER TABLE "ContactAttempt" ALTER COLUMN "result" SET NOT NULL;

-- AlterTable
ALTER TABLE "Drive" ADD COLUMN     "disposal" "DriveDisposal",
ADD COLUMN     "disposedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "returnFailedAt" TIMESTAMP(3);

-- R-E1: the sweep read "return failed" from contact notes. The first such note of an incident
-- becomes the recorded fact.
UPDATE "Incident" i SET "returnFailedAt" = c.first_at
FROM (
  SELECT "incidentId", min("at") AS first_at FROM "ContactAttempt"
  WHERE "incidentId" IS NOT NULL
    AND "outcome" ~* 'return(ing)?[[:space:]]+failed|undeliverable|returned[[:space:]]+to[[:space:]]+sender|could[[:space:]]+not[[:space:]]+(be[[:space:]]+)?return'
  GROUP BY "incidentId"
) c
WHERE c."incidentId" = i."id";

-- R-G2: an ended job's percent says what was copied, never 100 because it ended (a job cancelled
-- or closed before any copy is 0). Finished jobs written before that rule are recomputed the way
-- lib/domain/percent-complete.ts counts: the listed drives that arrived, each by its last figure.
UPDATE "Job" j SET "percentComplete" = COALESCE((
  SELECT round(avg(LEAST(GREATEST(d."percentComplete", 0), 100)))::int FROM "Drive" d
  WHERE d."jobId" = j."id" AND NOT d."extra" AND d."state" <> 'NeverReceived'
), 0)
WHERE j."state" IN ('Completed', 'Closed');

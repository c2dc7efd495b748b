import type { ArrivalSummary } from "@/lib/domain/index.ts";

const drives = (n: number) => `${n} ${n === 1 ? "drive" : "drives"}`;

/**
 * What actually came in (R-J7, R-D4, R-E5), beside the job's state: a Received job may be missing a
 * drive, and extra drives may have come with the listed ones.
 */
export function JobArrivals({ summary }: { summary: ArrivalSummary }) {
  const { listed, arrived, neverReceived, awaited, unknown, extra } = summary;
  if (listed === 0 && extra === 0) return null;
  const parts: string[] = [];
  parts.push(
    summary.allArrived
      ? `All ${drives(listed)} on the list arrived.`
      : `${arrived} of ${drives(listed)} on the list arrived.`,
  );
  if (neverReceived.length > 0) {
    parts.push(`Never received: ${neverReceived.join(", ")} (R-D4, R-D5).`);
  }
  if (awaited > 0) parts.push(`Still expected: ${drives(awaited)}.`);
  if (unknown > 0) parts.push(`${drives(unknown)} Faulted before anyone saw it arrive.`);
  if (extra > 0) {
    parts.push(
      `${extra === 1 ? "1 extra drive" : `${extra} extra drives`} came too: not copied, ${extra === 1 ? "it goes" : "they go"} back with the job (R-E5).`,
    );
  }
  return (
    <p className="max-w-prose text-slate-800">
      <span className="font-semibold">Arrivals: </span>
      {parts.join(" ")}
    </p>
  );
}

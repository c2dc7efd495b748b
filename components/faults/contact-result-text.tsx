import { CONTACT_RESULT_LABELS, type RecordedContactResult } from "@/lib/domain/index.ts";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A contact attempt's result in words, with the day for "asked us to wait". */
export function ContactResultText({
  result,
  waitUntil,
}: {
  result: RecordedContactResult;
  waitUntil: Date | string | null;
}) {
  if (result === "askedToWait" && waitUntil) {
    return <>Reached: asked us to wait until {day.format(new Date(waitUntil))}</>;
  }
  return <>{CONTACT_RESULT_LABELS[result]}</>;
}

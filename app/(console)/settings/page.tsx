import type { Metadata } from "next";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { requirePage } from "@/lib/server/page-access.ts";
import { readerTimeZone } from "@/lib/server/settings/time-zone.ts";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePage("jobs:read", "/settings");
  const { timeZone } = await readerTimeZone();
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <TimeZoneForm current={timeZone} zones={zones.includes("UTC") ? zones : ["UTC", ...zones]} />
    </div>
  );
}

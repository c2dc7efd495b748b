import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PackingSlipSheet } from "@/components/labels/packing-slip";
import { PrintPage } from "@/components/labels/print-page";
import { db } from "@/lib/server/db.ts";
import { packingSlip } from "@/lib/server/labels/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Packing slip" };
export const dynamic = "force-dynamic";

/** A job's return packing slip, on the printer's paper (A4 or Letter). */
export default async function PackingSlipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("jobs:read", `/labels/jobs/${encodeURIComponent(id)}/packing-slip`);
  const slip = await packingSlip(db, id);
  if (!slip) notFound();
  return (
    <PrintPage
      back={{ href: "/dock/ship-back", label: "Back to the ship-back list" }}
      printLabel="Print packing slip"
      pageSize="auto"
    >
      <PackingSlipSheet slip={slip} />
    </PrintPage>
  );
}

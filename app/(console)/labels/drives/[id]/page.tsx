import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DriveLabelSheet } from "@/components/labels/drive-label";
import { PrintPage } from "@/components/labels/print-page";
import { db } from "@/lib/server/db.ts";
import { driveLabel } from "@/lib/server/labels/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Drive label" };
export const dynamic = "force-dynamic";

/** The 4x6 in label of a held (R-E1) or extra (R-E5) drive; 404 for any other drive. */
export default async function DriveLabelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("jobs:read", `/labels/drives/${encodeURIComponent(id)}`);
  const label = await driveLabel(db, id);
  if (!label) notFound();
  const back = label.job
    ? { href: `/jobs/${label.job.id}`, label: `Back to job ${label.job.name}` }
    : { href: "/incidents", label: "Back to incidents" };
  return (
    <PrintPage back={back} printLabel="Print label" pageSize="4in 6in">
      <DriveLabelSheet label={label} />
    </PrintPage>
  );
}

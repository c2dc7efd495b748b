import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FaultPage } from "@/components/faults/fault-card";
import { db } from "@/lib/server/db.ts";
import { faultDetail, notFaulted } from "@/lib/server/faults/queries.ts";
import { jsonView } from "@/lib/server/incidents/json-view.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import type { FaultView } from "@/lib/views/queues.ts";

export const metadata: Metadata = { title: "Fault" };
export const dynamic = "force-dynamic";

/** A faulted job or drive, by its id (job and drive ids never collide: both are UUIDs). */
export default async function FaultDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("faults:resolve", `/faults/${id}`);
  const item = await faultDetail(db, id, new Date());
  const gone = item ? null : await notFaulted(db, id);
  if (!item && !gone) notFound();
  const view: FaultView | null = item ? jsonView(item) : null;
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/faults" className="text-blue-800 underline">
          ← All faults
        </Link>
      </nav>
      <FaultPage item={view} gone={gone} />
    </div>
  );
}

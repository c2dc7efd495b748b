import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentCard } from "@/components/incidents/incident-card";
import { db } from "@/lib/server/db.ts";
import { jsonView } from "@/lib/server/incidents/json-view.ts";
import { incidentDetail } from "@/lib/server/incidents/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import type { IncidentView } from "@/lib/views/queues.ts";

export const metadata: Metadata = { title: "Incident" };
export const dynamic = "force-dynamic";

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("incidents:work", `/incidents/${id}`);
  const item = await incidentDetail(db, id, new Date());
  if (!item) notFound();
  const view: IncidentView = jsonView(item);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/incidents" className="text-blue-800 underline">
          ← All incidents
        </Link>
      </nav>
      <IncidentCard key={view.id} item={view} />
    </div>
  );
}

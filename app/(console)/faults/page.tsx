import type { Metadata } from "next";
import { LiveFaultsQueue } from "@/components/faults/live-faults-queue";
import { db } from "@/lib/server/db.ts";
import { faultsPageData } from "@/lib/server/faults/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Faults" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

export default async function FaultsPage() {
  await requirePage("faults:resolve", "/faults");
  const data = await faultsPageData(db, new Date());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Faults</h1>
        <p className="text-slate-700">
          Every Faulted job and drive, oldest first. Contact the customer, record each attempt, then
          return it to a state its job allows. The list refreshes by itself.
        </p>
      </div>
      <LiveFaultsQueue initial={data} />
    </div>
  );
}

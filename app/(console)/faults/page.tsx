import type { Metadata } from "next";
import { LiveFaultsQueue } from "@/components/faults/live-faults-queue";
import {
  CheckFilter,
  FilterForm,
  NumberFilter,
  ParamErrors,
  SelectFilter,
  CustomerFilter,
} from "@/components/ui/list-filters";
import { customerOptions } from "@/lib/server/customers/queries.ts";
import { db } from "@/lib/server/db.ts";
import { faultsPageData } from "@/lib/server/faults/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import {
  MAX_DUE_DAYS,
  parseFaultListParams,
  type RawParams,
} from "@/lib/validation/list-params.ts";

export const metadata: Metadata = { title: "Faults" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

export default async function FaultsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePage("faults:resolve", "/faults");
  const { params: filter, errors } = parseFaultListParams(await searchParams);
  const [data, customers] = await Promise.all([
    faultsPageData(db, new Date(), filter),
    customerOptions(db),
  ]);
  const { counts } = data;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Faults</h1>
        <p className="text-slate-700">
          Every Faulted job and drive, oldest first. Open one to record each contact with the
          customer and return it to a state its job allows. The list refreshes by itself.
        </p>
        <p className="mt-1 text-sm font-medium text-slate-900">
          {counts.open} faulted ({counts.jobs} {counts.jobs === 1 ? "job" : "jobs"}, {counts.drives}{" "}
          {counts.drives === 1 ? "drive" : "drives"}) ·{" "}
          <span className="text-red-800">
            ⚠ {counts.followUpOverdue} past the day the customer asked for
          </span>
        </p>
      </div>
      <ParamErrors errors={errors} />
      <FilterForm action="/faults" label="Filter faults" clearHref="/faults">
        <SelectFilter
          label="Kind"
          name="kind"
          value={filter.kind}
          options={[
            { value: "", label: "Jobs and drives" },
            { value: "job", label: "Jobs" },
            { value: "drive", label: "Drives" },
          ]}
        />
        <CustomerFilter value={filter.customer} customers={customers} />
        <NumberFilter
          label="Faulted at least (days)"
          name="age"
          value={filter.age}
          min={0}
          max={MAX_DUE_DAYS}
        />
        <NumberFilter
          label="Follow-up within (days)"
          name="due"
          value={filter.due}
          min={0}
          max={MAX_DUE_DAYS}
        />
        <CheckFilter label="Follow-up overdue" name="overdue" checked={filter.overdue} />
        <input type="hidden" name="sort" value={filter.sort} />
        <input type="hidden" name="dir" value={filter.dir} />
      </FilterForm>
      <LiveFaultsQueue initial={data} filter={filter} />
    </div>
  );
}

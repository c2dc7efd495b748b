import type { Metadata } from "next";
import { LiveIncidents } from "@/components/incidents/live-incidents";
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
import { incidentsPageData } from "@/lib/server/incidents/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import {
  INCIDENT_RULES,
  MAX_DUE_DAYS,
  parseIncidentListParams,
  type RawParams,
} from "@/lib/validation/list-params.ts";

export const metadata: Metadata = { title: "Incidents" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<RawParams>;
}) {
  await requirePage("incidents:work", "/incidents");
  const { params: filter, errors } = parseIncidentListParams(await searchParams);
  const [data, customers] = await Promise.all([
    incidentsPageData(db, new Date(), filter),
    customerOptions(db),
  ]);
  const { counts } = data;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Incidents</h1>
        <p className="text-slate-700">
          The job error events (R-E1 to R-E5), nearest deadline first. Open one to record its
          outcomes: each is an event. The list refreshes by itself.
        </p>
        <p className="mt-1 text-sm font-medium text-slate-900">
          {counts.open} open · <span className="text-red-800">⚠ {counts.overdue} overdue</span> ·{" "}
          <span className="text-amber-900">◷ {counts.dueIn48h} due within 48 h</span>
        </p>
      </div>
      <ParamErrors errors={errors} />
      <FilterForm action="/incidents" label="Filter incidents" clearHref="/incidents">
        <SelectFilter
          label="Status"
          name="status"
          value={filter.status}
          options={[
            { value: "open", label: "Open" },
            { value: "resolved", label: "Resolved" },
          ]}
        />
        <SelectFilter
          label="Rule"
          name="rule"
          value={filter.rule}
          options={[
            { value: "", label: "Every rule" },
            ...INCIDENT_RULES.map((r) => ({ value: r, label: `${r} (${counts.byRule[r]} open)` })),
          ]}
        />
        <CustomerFilter value={filter.customer} customers={customers} />
        <NumberFilter
          label="Deadline within (days)"
          name="due"
          value={filter.due}
          min={0}
          max={MAX_DUE_DAYS}
        />
        <CheckFilter label="Overdue" name="overdue" checked={filter.overdue} />
        <input type="hidden" name="sort" value={filter.sort} />
        <input type="hidden" name="dir" value={filter.dir} />
      </FilterForm>
      <LiveIncidents initial={data} filter={filter} />
    </div>
  );
}

import type { Metadata } from "next";
import { SiteForm } from "@/components/admin/site-form";
import { SiteOpenClose } from "@/components/admin/site-open-close";
import { Forbidden } from "@/components/ui/forbidden";
import { requirePage } from "@/lib/server/page-access.ts";
import { db } from "@/lib/server/db.ts";
import { listSitesForAdmin } from "@/lib/server/sites/queries.ts";
import { ColumnHeader, Table } from "@/components/ui/table";

export const metadata: Metadata = { title: "Locations" };

/**
 * Admins keep the datacenter sites customers ship drives to: the Job API lists the open ones
 * (Locations), a job names one, and Get Job gives its address as the job's shipping information.
 */
export default async function LocationsPage() {
  const access = await requirePage("sites:manage", "/admin/locations");
  if (!access.ok) return <Forbidden />;
  const sites = await listSitesForAdmin(db);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Locations</h1>
        <p className="text-slate-700">
          The datacenter sites customers ship their drives to. Open sites are listed by the Job API;
          a job made with a site&apos;s name gets its address to ship to. A closed site takes no new
          jobs, and its jobs keep its address.
        </p>
      </div>
      <section className="space-y-2" aria-labelledby="sites-caption">
        <Table
          id="sites-caption"
          caption="Sites"
          captionClassName="text-left text-lg font-semibold"
          scroll={false}
          className="w-full border-collapse text-left text-sm"
          headClassName=""
          bodyClassName=""
          head={
            <>
              <ColumnHeader className="border-b border-slate-300 py-2 pr-3">Site</ColumnHeader>
              <ColumnHeader className="border-b border-slate-300 py-2 pr-3">Address</ColumnHeader>
              <ColumnHeader className="border-b border-slate-300 py-2 pr-3">Carriers</ColumnHeader>
              <ColumnHeader className="border-b border-slate-300 py-2 pr-3">Jobs</ColumnHeader>
              <ColumnHeader className="border-b border-slate-300 py-2 pr-3">State</ColumnHeader>
            </>
          }
        >
          {sites.length === 0 && (
            <tr>
              <td colSpan={5} className="py-3 text-slate-700">
                No sites yet: jobs get no shipping address until one is added.
              </td>
            </tr>
          )}
          {sites.map((site) => (
            <tr key={site.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-semibold">
                {site.name}{" "}
                <span className="font-mono font-normal text-slate-700">{site.code}</span>
              </th>
              <td className="py-2 pr-3">
                {[
                  site.recipientName,
                  site.streetAddress1,
                  site.streetAddress2,
                  `${site.postalCode} ${site.city}, ${site.stateOrProvince}`,
                  site.countryOrRegion,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </td>
              <td className="py-2 pr-3">{site.supportedCarriers.join(", ")}</td>
              <td className="py-2 pr-3">{site._count.jobs}</td>
              <td className="space-y-2 py-2 pr-3">
                <p>{site.active ? "Open" : "Closed"}</p>
                <SiteOpenClose id={site.id} name={site.name} active={site.active} />
                <details>
                  <summary className="cursor-pointer text-blue-800 underline">
                    Change {site.name}
                  </summary>
                  <SiteForm site={site} />
                </details>
              </td>
            </tr>
          ))}
        </Table>
      </section>
      <SiteForm />
    </div>
  );
}

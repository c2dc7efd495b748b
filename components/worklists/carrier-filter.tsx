import Link from "next/link";
import type { CarrierCount } from "@/lib/views/worklists.ts";
import { Button } from "@/components/ui/button";

/**
 * The Expected list's carrier filter: a GET form, so the choice is in the address and it works
 * without script (a bookmark, a shared link, a browser with scripts off).
 */
export function CarrierFilter({
  carriers,
  carrier,
}: {
  carriers: CarrierCount[];
  carrier: string | null;
}) {
  return (
    <form
      action="/dock/expected"
      method="get"
      aria-label="Filter by carrier"
      className="flex flex-wrap items-end gap-2"
    >
      <div className="flex flex-col">
        <label htmlFor="expected-carrier" className="text-sm font-semibold">
          Carrier
        </label>
        <select
          id="expected-carrier"
          name="carrier"
          defaultValue={carrier ?? ""}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">All carriers</option>
          {carriers.map((c) => (
            <option key={c.carrier} value={c.carrier}>
              {c.carrier} ({c.jobs})
            </option>
          ))}
          {carrier && !carriers.some((c) => c.carrier === carrier) && (
            <option value={carrier}>{carrier} (0)</option>
          )}
        </select>
      </div>
      <Button type="submit">Show</Button>
      {carrier && (
        <Link href="/dock/expected" className="px-2 py-2 text-blue-800 underline">
          Show all carriers
        </Link>
      )}
    </form>
  );
}

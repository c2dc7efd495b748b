import Link from "next/link";
import type { AdminWebhookListView } from "@/lib/views/notifications.ts";

/**
 * /admin/webhooks' customer filter: a GET form, so the choice is in the address and it works
 * without script.
 */
export function WebhookFilter({
  customers,
  customerId,
}: Pick<AdminWebhookListView, "customers" | "customerId">) {
  return (
    <form
      action="/admin/webhooks"
      method="get"
      aria-label="Filter by customer"
      className="flex flex-wrap items-end gap-2"
    >
      <div className="flex flex-col">
        <label htmlFor="webhooks-customer" className="text-sm font-semibold">
          Customer
        </label>
        <select
          id="webhooks-customer"
          name="customer"
          defaultValue={customerId ?? ""}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">All customers</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
      >
        Show
      </button>
      {customerId && (
        <Link href="/admin/webhooks" className="px-2 py-2 text-blue-800 underline">
          Show all customers
        </Link>
      )}
    </form>
  );
}

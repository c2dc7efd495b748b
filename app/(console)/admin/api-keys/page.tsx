import type { Metadata } from "next";
import { ApiKeyIssueForm } from "@/components/admin/api-key-issue-form";
import { ApiKeyTable } from "@/components/admin/api-key-table";
import { CustomerForm } from "@/components/admin/customer-form";
import { CustomerTable } from "@/components/admin/customer-table";
import { requirePage } from "@/lib/server/page-access.ts";
import { db } from "@/lib/server/db.ts";
import { listApiKeys } from "@/lib/server/api-keys/queries.ts";
import { listCustomers } from "@/lib/server/customers/queries.ts";

export const metadata: Metadata = { title: "API keys" };

/**
 * Admins issue and revoke the keys of the Job API (one customer each) and of the copy stations,
 * and add the customers those keys belong to. A new key is shown once, by the issuing form; this
 * page only ever renders prefixes.
 */
export default async function ApiKeysPage() {
  await requirePage("apiKeys:manage", "/admin/api-keys");
  const [keys, customers] = await Promise.all([listApiKeys(db), listCustomers(db)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-slate-700">
          Keys for customers&apos; programs (the Job API, their own jobs only) and for the copy
          stations. A key is shown once when issued and stored only hashed; revoking it takes effect
          at once.
        </p>
      </div>
      <ApiKeyIssueForm customers={customers.map((c) => ({ id: c.id, name: c.name }))} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Customer keys</h2>
        <ApiKeyTable
          id="customer-keys-caption"
          caption="Customer keys"
          keys={keys.customer}
          withCustomer
          empty="No customer keys yet."
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Copy-station keys</h2>
        <ApiKeyTable
          id="station-keys-caption"
          caption="Copy-station keys"
          keys={keys.station}
          withCustomer={false}
          empty="No copy-station keys yet."
        />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Customers</h2>
        <CustomerTable id="customers-caption" customers={customers} />
        <CustomerForm />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/server/db.ts";
import { destructionCertificate } from "@/lib/server/incidents/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Destruction certificate" };
export const dynamic = "force-dynamic";

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** R-E1, R-E4: a printable certificate of secure destruction: who, when, method, serials. */
export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("incidents:work", `/incidents/${id}/certificate`);
  const cert = /^[0-9a-f-]{36}$/i.test(id) ? await destructionCertificate(db, id) : null;
  if (!cert) notFound();
  const job = cert.incident.job;
  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-lg border border-slate-300 bg-white p-8 print:border-0 print:p-0">
      <style>{`@media print { header, nav, .no-print { display: none !important; } body { background: white; } }`}</style>
      <p className="no-print">
        <Link href="/incidents" className="text-blue-800 underline">
          Back to incidents
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Certificate of secure drive destruction</h1>
      <p>
        The drives listed below were securely destroyed under {cert.rule} ({cert.title}).
      </p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Certificate</dt>
        <dd className="font-mono">{cert.id}</dd>
        <dt className="font-semibold">Incident</dt>
        <dd>
          <span className="font-mono">{cert.incident.id}</span>: {cert.incident.summary}
        </dd>
        <dt className="font-semibold">Job</dt>
        <dd>
          {job ? (
            <>
              <span className="font-mono">{job.name}</span> ({job.type}, {job.customer.name})
            </>
          ) : (
            "No job on record"
          )}
        </dd>
        <dt className="font-semibold">Destroyed</dt>
        <dd>
          <time dateTime={cert.destroyedAt.toISOString()}>{utc(cert.destroyedAt)}</time>
        </dd>
        <dt className="font-semibold">Destroyed by</dt>
        <dd>{cert.byName}</dd>
        <dt className="font-semibold">Method</dt>
        <dd>{cert.method}</dd>
      </dl>
      <section aria-labelledby="serials-heading" className="space-y-2">
        <h2 id="serials-heading" className="text-lg font-semibold">
          Drive serials ({cert.serials.length})
        </h2>
        <ul aria-label="Destroyed drive serials" className="list-disc pl-6 font-mono">
          {cert.serials.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <p className="pt-8 text-sm text-slate-700">Signature: ______________________________</p>
    </article>
  );
}

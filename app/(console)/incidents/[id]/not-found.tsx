import Link from "next/link";

export default function IncidentNotFound() {
  return (
    <section
      aria-labelledby="incident-not-found"
      className="rounded-lg border border-slate-300 bg-white p-6"
    >
      <h1 id="incident-not-found" className="text-xl font-bold">
        Incident not found
      </h1>
      <p className="mt-1 text-slate-700">There is no incident at this address.</p>
      <p className="mt-3">
        <Link href="/incidents" className="text-blue-800 underline hover:text-blue-950">
          Back to the incidents
        </Link>
      </p>
    </section>
  );
}

import Link from "next/link";

export default function JobNotFound() {
  return (
    <section
      aria-labelledby="job-not-found"
      className="rounded-lg border border-slate-300 bg-white p-6"
    >
      <h1 id="job-not-found" className="text-xl font-bold">
        Job not found
      </h1>
      <p className="mt-1 text-slate-700">
        There is no job at this address. It may have been deleted after its retention period, or the
        link is wrong.
      </p>
      <p className="mt-3">
        <Link href="/jobs" className="text-blue-800 underline hover:text-blue-950">
          Back to the jobs list
        </Link>
      </p>
    </section>
  );
}

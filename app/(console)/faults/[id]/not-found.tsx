import Link from "next/link";

export default function FaultNotFound() {
  return (
    <section
      aria-labelledby="fault-not-found"
      className="rounded-lg border border-slate-300 bg-white p-6"
    >
      <h1 id="fault-not-found" className="text-xl font-bold">
        Fault not found
      </h1>
      <p className="mt-1 text-slate-700">There is no job or drive at this address.</p>
      <p className="mt-3">
        <Link href="/faults" className="text-blue-800 underline hover:text-blue-950">
          Back to the faults
        </Link>
      </p>
    </section>
  );
}

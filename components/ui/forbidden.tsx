export function Forbidden() {
  return (
    <section
      aria-labelledby="forbidden-heading"
      className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900"
    >
      <h1 id="forbidden-heading" className="text-xl font-bold">
        Not for your role
      </h1>
      <p className="mt-1">
        Your role does not give access to this page. Ask an administrator if you need it.
      </p>
    </section>
  );
}

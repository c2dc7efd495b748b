export function Forbidden() {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900">
      <h1 className="text-xl font-bold">Not for your role</h1>
      <p className="mt-1">
        Your role does not give access to this page. Ask an administrator if you need it.
      </p>
    </div>
  );
}

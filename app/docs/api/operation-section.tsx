import type { OpenApiDocument } from "@/lib/api/openapi.ts";
import { curlFor, refName, typeLabel, type Operation } from "./openapi-reading.ts";
import { InlineCode, RichText } from "./rich-text";
import { SchemaFields } from "./schema-fields";

const PLACE: Record<string, string> = {
  path: "in the path",
  query: "in the query",
  header: "a header",
};

/** Every error has this body; it is described once, in the Errors section. */
export const ERROR_SCHEMA = "ApiError";

const METHOD_TONE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900 border-sky-300",
  PUT: "bg-emerald-100 text-emerald-900 border-emerald-300",
  POST: "bg-emerald-100 text-emerald-900 border-emerald-300",
  PATCH: "bg-amber-100 text-amber-900 border-amber-300",
  DELETE: "bg-red-100 text-red-900 border-red-300",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block rounded border px-1.5 font-mono text-xs font-bold ${METHOD_TONE[method] ?? "border-slate-300 bg-slate-100 text-slate-900"}`}
    >
      {method}
    </span>
  );
}

function SchemaBlock({
  doc,
  title,
  schema,
}: {
  doc: OpenApiDocument;
  title: string;
  schema: Operation["responses"][number]["schema"];
}) {
  if (!schema) return null;
  const name = schema.$ref ? refName(schema.$ref) : typeLabel(doc, schema);
  if (name === ERROR_SCHEMA) {
    return (
      <p className="mt-1">
        {title}:{" "}
        <a href="#errors" className="font-mono text-blue-800 underline hover:text-blue-950">
          {ERROR_SCHEMA}
        </a>
      </p>
    );
  }
  return (
    <details className="mt-2 rounded border border-slate-200 bg-slate-50 p-2">
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">
        {title}: <code className="font-mono">{name}</code>
      </summary>
      <div className="mt-2">
        <SchemaFields doc={doc} schema={schema} />
      </div>
    </details>
  );
}

/** One operation: method and path, what it does, its parameters, body, responses and a curl. */
export function OperationSection({ doc, op }: { doc: OpenApiDocument; op: Operation }) {
  const headingId = `op-${op.operationId}`;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={headingId} className="space-y-1 text-lg font-bold">
        <span className="block">{op.summary}</span>
        <span className="flex flex-wrap items-center gap-2 text-base font-normal">
          <MethodBadge method={op.method} />
          <code className="font-mono break-all">{op.path}</code>
        </span>
      </h3>
      <div className="space-y-2 text-slate-800">
        <RichText text={op.description} />
        <p className="text-sm text-slate-700">
          {op.public ? "Public: no API key needed." : "Needs an API key (see Authentication)."}
        </p>
      </div>

      {op.parameters.length > 0 && (
        <div>
          <h4 className="font-semibold">Parameters</h4>
          <ul className="mt-1 space-y-2">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`} className="border-t border-slate-200 pt-2 text-sm">
                <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                  <code className="font-mono font-semibold break-all text-slate-900">{p.name}</code>
                  <span className="text-slate-700">
                    {PLACE[p.in] ?? p.in}, {p.schema ? typeLabel(doc, p.schema) : "string"}
                  </span>
                  {p.required ? (
                    <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
                      required
                    </span>
                  ) : (
                    <span className="text-xs text-slate-700">optional</span>
                  )}
                </div>
                {p.description && (
                  <p className="mt-0.5 break-words text-slate-700">
                    <InlineCode text={p.description} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {op.requestBody && (
        <div>
          <h4 className="font-semibold">
            Request body {op.requestBody.required ? "(required)" : "(optional)"}
          </h4>
          <SchemaBlock doc={doc} title="JSON" schema={op.requestBody.schema} />
        </div>
      )}

      <div>
        <h4 className="font-semibold">Responses</h4>
        <dl className="mt-1 space-y-2">
          {op.responses.map((r) => (
            <div
              key={r.status}
              className="border-t border-slate-200 pt-2 sm:grid sm:grid-cols-[5rem_1fr] sm:gap-3"
            >
              <dt className="font-mono font-bold">{r.status}</dt>
              <dd className="min-w-0 text-sm text-slate-800">
                <InlineCode text={r.description} />
                {r.headers.length > 0 && (
                  <span className="block text-slate-700">Headers: {r.headers.join(", ")}</span>
                )}
                <SchemaBlock doc={doc} title="Body" schema={r.schema} />
              </dd>
            </div>
          ))}
        </dl>
      </div>

      <div>
        <h4 className="font-semibold">Example</h4>
        <pre
          tabIndex={0}
          aria-label={`Example curl command for ${op.summary}`}
          className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-50"
        >
          <code>{curlFor(op)}</code>
        </pre>
      </div>
    </article>
  );
}

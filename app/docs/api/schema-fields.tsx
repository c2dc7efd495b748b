import type { OpenApiDocument } from "@/lib/api/openapi.ts";
import { fieldsOf, refName, resolve, typeLabel, type JsonSchema } from "./openapi-reading.ts";
import { InlineCode } from "./rich-text";

/** Deep enough for every schema of the API; a guard against a schema that contains itself. */
const MAX_DEPTH = 6;

/**
 * A schema as a nested list of its fields: name, type, required or optional, description. Nested
 * objects (and arrays of objects) are listed under their field.
 */
export function SchemaFields({
  doc,
  schema,
  depth = 0,
  seen = [],
}: {
  doc: OpenApiDocument;
  schema: JsonSchema;
  depth?: number;
  seen?: readonly string[];
}) {
  const fields = fieldsOf(doc, schema);
  if (fields.length === 0) {
    return <p className="text-sm text-slate-700">{typeLabel(doc, schema)}</p>;
  }
  return (
    <ul className={depth === 0 ? "space-y-2" : "mt-2 space-y-2 border-l-2 border-slate-200 pl-3"}>
      {fields.map((field) => {
        const target = resolve(doc, field.schema);
        const ref = field.schema.$ref ?? target.items?.$ref;
        const name = ref ? refName(ref) : null;
        const nested =
          depth < MAX_DEPTH &&
          !(name && seen.includes(name)) &&
          fieldsOf(doc, field.schema).length > 0;
        return (
          <li key={field.name} className="text-sm">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <code className="font-mono font-semibold break-all text-slate-900">{field.name}</code>
              <span className="text-slate-700">{typeLabel(doc, field.schema)}</span>
              {field.required ? (
                <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
                  required
                </span>
              ) : (
                <span className="text-xs text-slate-700">optional</span>
              )}
              {target.writeOnly && (
                <span className="rounded bg-slate-200 px-1.5 text-xs font-semibold text-slate-900">
                  write-only
                </span>
              )}
            </div>
            {target.description && (
              <p className="mt-0.5 break-words text-slate-700">
                <InlineCode text={target.description} />
              </p>
            )}
            {nested && (
              <SchemaFields
                doc={doc}
                schema={field.schema}
                depth={depth + 1}
                seen={name ? [...seen, name] : seen}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

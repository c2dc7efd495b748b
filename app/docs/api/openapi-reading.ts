import type { OpenApiDocument } from "@/lib/api/openapi.ts";

/**
 * Reading the OpenAPI document for the docs page: operations grouped by tag, `$ref`s resolved, a
 * JSON Schema summed up in words ("integer, 0 to 100"), and an example curl per operation.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  examples?: unknown[];
  writeOnly?: boolean;
  nullable?: boolean;
};

export type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
};

export type Operation = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: Parameter[];
  public: boolean;
  requestBody?: { schema: JsonSchema; example?: unknown; required: boolean };
  responses: { status: string; description: string; schema?: JsonSchema; headers: string[] }[];
};

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

type RawOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: JsonSchema; example?: unknown }>;
  };
  responses?: Record<
    string,
    {
      description?: string;
      headers?: Record<string, unknown>;
      content?: Record<string, { schema?: JsonSchema }>;
    }
  >;
};

/** Every operation of the document, in the order of its paths. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    return METHODS.filter((m) => m in item).map((method): Operation => {
      const op = item[method] as RawOperation;
      const body = op.requestBody?.content?.["application/json"];
      return {
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method}-${path}`,
        summary: op.summary ?? "",
        description: op.description ?? "",
        tags: op.tags ?? ["Other"],
        parameters: [...shared, ...(op.parameters ?? [])],
        public: Array.isArray(op.security) && op.security.length === 0,
        ...(body?.schema
          ? {
              requestBody: {
                schema: body.schema,
                example: body.example,
                required: op.requestBody?.required ?? false,
              },
            }
          : {}),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description ?? "",
          ...(r.content?.["application/json"]?.schema
            ? { schema: r.content["application/json"].schema }
            : {}),
          headers: Object.keys(r.headers ?? {}),
        })),
      };
    });
  });
}

/** Operations by tag, in the order the document lists its tags. */
export function operationsByTag(doc: OpenApiDocument) {
  const ops = operationsOf(doc);
  return doc.tags
    .map((tag) => ({ ...tag, operations: ops.filter((o) => o.tags.includes(tag.name)) }))
    .filter((t) => t.operations.length > 0);
}

export function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

/** The schema a `$ref` points at (one level), or the schema itself. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const target = doc.components.schemas[refName(schema.$ref)] as JsonSchema | undefined;
  // A $ref beside a description: the description of the use wins over the component's.
  return target
    ? { ...target, ...(schema.description ? { description: schema.description } : {}) }
    : schema;
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min !== undefined && max !== undefined) return `${min} to ${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return null;
}

const literal = (v: unknown) => JSON.stringify(v);

/** "string, date-time", "integer, 0 to 100", "array of DriveStatus, 1 to 10 items", "one of: A, B". */
export function typeLabel(doc: OpenApiDocument, schema: JsonSchema): string {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = resolve(doc, schema);
    return target.type === "object" || target.properties ? name : typeLabel(doc, target);
  }
  if (schema.const !== undefined) return `always ${literal(schema.const)}`;
  if (schema.enum) return `one of: ${schema.enum.map(literal).join(", ")}`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(doc, v)).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  const parts: string[] = [];
  if (type === "array") {
    parts.push(schema.items ? `array of ${typeLabel(doc, schema.items)}` : "array");
    const items = range(schema.minItems, schema.maxItems, " items");
    if (items) parts.push(items);
  } else {
    parts.push(schema.format ? `${type}, ${schema.format}` : type);
    const size =
      type === "string"
        ? range(schema.minLength, schema.maxLength, " characters")
        : range(schema.minimum, schema.maximum, "");
    if (size) parts.push(size);
  }
  if (schema.default !== undefined) parts.push(`default ${literal(schema.default)}`);
  return parts.join(", ");
}

/** The object fields of a schema (following a `$ref`, or an array's items), with whether each is required. */
export function fieldsOf(
  doc: OpenApiDocument,
  schema: JsonSchema,
): { name: string; schema: JsonSchema; required: boolean }[] {
  const s = resolve(doc, schema);
  if (s.type === "array" && s.items) return fieldsOf(doc, s.items);
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, field]) => ({
    name,
    schema: field,
    required: required.has(name),
  }));
}

/** A ready-to-paste curl for the operation, with its documented example body. */
export function curlFor(op: Operation): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = op.parameters.find((x) => x.name === name);
    return typeof p?.example === "string" ? p.example : `<${name}>`;
  });
  const lines = [`curl -X ${op.method} "$DOCKSIDE_URL${path}"`];
  if (!op.public) lines.push(`  -H "Authorization: Bearer $DOCKSIDE_API_KEY"`);
  if (op.requestBody) {
    lines.push(`  -H "Content-Type: application/json"`);
    const body = op.requestBody.example ?? {};
    lines.push(`  -d '${JSON.stringify(body, null, 2).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

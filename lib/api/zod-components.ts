import { z } from "zod";

/** A reference to a named component of the OpenAPI document. */
export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

type Meta = { id: string; description?: string };

/**
 * Named components from zod, in request ("input") or response ("output") form. Each schema with
 * an id is its own component and nested ones are `$ref`s to theirs.
 */
export function zodComponents(
  schemas: readonly z.ZodType[],
  io: "input" | "output",
): Record<string, unknown> {
  const registry = z.registry<Meta>();
  for (const schema of schemas) {
    const meta = schema.meta() as Meta | undefined;
    if (!meta?.id) throw new Error("every component schema has .meta({ id })");
    registry.add(schema, { id: meta.id, description: meta.description });
  }
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    uri: (id) => `#/components/schemas/${id}`,
  });
  if ("__shared" in generated) {
    throw new Error("a nested schema has an id but is not listed as a component");
  }
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      // A component is not a document of its own: no $schema, no $id.
      const component = { ...(schema as Record<string, unknown>) };
      delete component.$schema;
      delete component.$id;
      return [id, component];
    }),
  );
}

/** Merge component maps; one name must mean one schema. */
export function mergeComponents(...maps: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [id, schema] of Object.entries(map)) {
      if (id in merged && JSON.stringify(merged[id]) !== JSON.stringify(schema)) {
        throw new Error(`two different schemas are both named ${id}`);
      }
      merged[id] = schema;
    }
  }
  return merged;
}

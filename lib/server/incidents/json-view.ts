import "server-only";

/** A value as it comes out of JSON: dates become ISO strings, everything else stays. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * A live view's data exactly as its route handler sends it. The page seeds the poll with the
 * same value (react-query `initialData`), so the first paint and every refetch have one shape.
 */
export function jsonView<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>;
}

/** A JSON value as the database hands it over (jsonb columns), for views on both sides. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

import { z } from "zod";
import type { Parsed, RawParams } from "@/lib/validation/list-params.ts";

/**
 * A list's query string as a zod schema for the staff routes: the parser's sentences become the
 * 422's messages (the page, given the same address, shows them and drops the bad parameters).
 */
export function listQuerySchema<T>(parse: (raw: RawParams) => Parsed<T>) {
  return z
    .record(z.string(), z.string())
    .superRefine((raw, ctx) => {
      for (const message of parse(raw).errors)
        ctx.addIssue({ code: "custom", message, path: ["query"] });
    })
    .transform((raw) => parse(raw).params);
}

import { z } from "zod";
import { printableText } from "@/lib/validation/text.ts";

/** What a person types into the search (the palette, /search, GET /api/search). */
export const searchQuerySchema = z.object({
  q: printableText()
    .min(1, "Type something to search for.")
    .max(100, "Search for at most 100 characters."),
});

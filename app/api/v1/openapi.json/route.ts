import { openApiDocument } from "@/lib/api/openapi.ts";

/** The OpenAPI 3.1 document of /api/v1: public, the same for everyone, built once. */
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument, {
    headers: {
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    },
  });
}

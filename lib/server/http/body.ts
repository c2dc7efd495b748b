import "server-only";

/** No request of ours needs more: a job with its drive list, or a scan, is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body as text, or null when it is larger than `limit` bytes: the declared length is checked
 * first, and the stream is read only up to the limit, so a huge body never sits in memory.
 */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Path parameters, or null when Next.js could not decode them (a malformed percent-escape). */
export async function pathParams(
  context: { params?: Promise<Record<string, string>> } | undefined,
): Promise<Record<string, string> | null> {
  try {
    return (await context?.params) ?? {};
  } catch {
    return null;
  }
}

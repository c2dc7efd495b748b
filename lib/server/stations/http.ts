import "server-only";
import type { CommandResult } from "@/lib/server/command.ts";
import { apiCommandError, apiError, apiJson } from "@/lib/server/http/api-v1.ts";
import type { StationDriveReport } from "@/lib/validation/station-api.ts";

const MAX_IDEMPOTENCY_KEY = 200;

/**
 * The optional `Idempotency-Key` header of a station report: absent, a usable key, or a 400 to
 * answer with. Printable ASCII only, so that it can be logged and compared as it was sent.
 */
export function idempotencyKeyOf(
  request: Request,
): { ok: true; key: string | undefined } | { ok: false; response: Response } {
  const raw = request.headers.get("idempotency-key");
  if (raw === null) return { ok: true, key: undefined };
  const key = raw.trim();
  if (!key || key.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(key)) {
    return {
      ok: false,
      response: apiError(
        400,
        "InvalidRequest",
        `The Idempotency-Key header is 1 to ${MAX_IDEMPOTENCY_KEY} printable characters, without spaces.`,
        { target: "Idempotency-Key" },
      ),
    };
  }
  return { ok: true, key };
}

/** A station command's answer: the drive and its job, or the refusal as an Azure-shaped error. */
export function stationReportResponse(result: CommandResult<StationDriveReport>): Response {
  return result.ok ? apiJson(result.value) : apiCommandError(result.error);
}

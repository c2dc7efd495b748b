import "server-only";
import { normalizeTrackingNumber } from "@/lib/domain/scan-codes.ts";
import type { Db } from "@/lib/server/db.ts";
import { params as sqlParams, sqlRead } from "@/lib/server/sql/read.ts";
import type { SearchHit, SearchHitKind } from "@/lib/views/search.ts";

/** Below this many characters a trigram index cannot help: only exact matches are looked for. */
export const MIN_CONTAINS_LENGTH = 3;

type Row = {
  kind: SearchHitKind;
  id: string;
  label: string;
  jobId: string | null;
  jobName: string | null;
  customerName: string | null;
  direction: string | null;
  rank: number;
};

/** ILIKE's wildcards typed by a person are literal characters. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * One search across drive serials, tracking numbers (delivery and return), job names and
 * customers. Each kind is one indexed lookup (pg_trgm GIN indexes serve ILIKE '%text%'; below
 * three characters only equality, on the B-tree indexes). Exact serials and tracking numbers
 * come first, then names that start with the text, then the rest, shortest first; at most
 * `perKind` of each kind.
 */
export async function searchEverything(db: Db, raw: string, perKind: number): Promise<SearchHit[]> {
  const q = raw.trim();
  if (q === "") return [];
  const sql = sqlRead(db);
  const p = sqlParams();
  const serial = p.add(q.replace(/\s/g, "").toUpperCase());
  const tracking = normalizeTrackingNumber(q);
  const exactTracking = p.add(
    tracking.ok ? tracking.value.trackingNumber : q.replace(/[\s.-]/g, "").toUpperCase(),
  );
  const name = p.add(q);
  const contains = q.length >= MIN_CONTAINS_LENGTH;
  // Only when it is used: PostgreSQL cannot type a parameter no statement mentions.
  const like = contains ? p.add(`%${likeEscape(q)}%`) : "";
  const prefix = p.add(`${likeEscape(q)}%`);
  const limit = p.add(perKind);
  const match = (column: string, exact: string) =>
    contains ? `(${column} = ${exact} OR ${column} ILIKE ${like})` : `${column} = ${exact}`;
  const rank = (column: string, exact: string) =>
    `CASE WHEN ${column} = ${exact} THEN 0 WHEN ${column} ILIKE ${prefix} THEN 1 ELSE 2 END`;
  const { t } = sql;
  const text = `
    (SELECT 'drive' AS kind, d."id", d."serial" AS label, j."id" AS "jobId", j."name" AS "jobName",
            c."name" AS "customerName", NULL AS direction, ${rank(`d."serial"`, serial)} AS rank
       FROM ${t("Drive")} d LEFT JOIN ${t("Job")} j ON j."id" = d."jobId"
       LEFT JOIN ${t("Customer")} c ON c."id" = j."customerId"
      WHERE ${match(`d."serial"`, serial)}
      ORDER BY rank, length(d."serial"), d."serial" LIMIT ${limit})
    UNION ALL
    (SELECT 'tracking', j."id", j."deliveryTrackingNumber", j."id", j."name", c."name", 'delivery',
            ${rank(`j."deliveryTrackingNumber"`, exactTracking)}
       FROM ${t("Job")} j JOIN ${t("Customer")} c ON c."id" = j."customerId"
      WHERE ${match(`j."deliveryTrackingNumber"`, exactTracking)}
      ORDER BY 8, length(j."deliveryTrackingNumber"), j."name" LIMIT ${limit})
    UNION ALL
    (SELECT 'tracking', pk."id", pk."trackingNumber", j."id", j."name", c."name", 'return',
            ${rank(`pk."trackingNumber"`, exactTracking)}
       FROM ${t("Package")} pk
       LEFT JOIN LATERAL (SELECT d."jobId" FROM ${t("Drive")} d
                           WHERE d."returnPackageId" = pk."id" AND d."jobId" IS NOT NULL LIMIT 1) x ON true
       LEFT JOIN ${t("Job")} j ON j."id" = x."jobId"
       LEFT JOIN ${t("Customer")} c ON c."id" = j."customerId"
      WHERE pk."direction" = 'Return' AND ${match(`pk."trackingNumber"`, exactTracking)}
      ORDER BY 8, length(pk."trackingNumber") LIMIT ${limit})
    UNION ALL
    (SELECT 'job', j."id", j."name", j."id", j."name", c."name", NULL,
            ${rank(`j."name"`, name)}
       FROM ${t("Job")} j JOIN ${t("Customer")} c ON c."id" = j."customerId"
      WHERE ${match(`j."name"`, name)}
      ORDER BY 8, length(j."name"), j."name" LIMIT ${limit})
    UNION ALL
    (SELECT 'customer', c."id", c."name", NULL, NULL, NULL, NULL, ${rank(`c."name"`, name)}
       FROM ${t("Customer")} c
      WHERE ${match(`c."name"`, name)}
      ORDER BY 8, length(c."name"), c."name" LIMIT ${limit})`;
  const rows = await sql.rows<Row>(text, p.values);
  const KIND_ORDER: SearchHitKind[] = ["drive", "tracking", "job", "customer"];
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        a.r.rank - b.r.rank ||
        KIND_ORDER.indexOf(a.r.kind) - KIND_ORDER.indexOf(b.r.kind) ||
        a.i - b.i,
    )
    .map(({ r }) => toHit(r));
}

function toHit(r: Row): SearchHit {
  const owner = r.jobName ? `job ${r.jobName}${r.customerName ? ` · ${r.customerName}` : ""}` : "";
  const exact = r.rank === 0;
  switch (r.kind) {
    case "drive":
      return {
        kind: r.kind,
        id: r.id,
        label: r.label,
        detail: owner || "held, with no job",
        href: r.jobId ? `/jobs/${r.jobId}` : `/incidents?rule=R-E1`,
        exact,
      };
    case "tracking":
      return {
        kind: r.kind,
        id: r.id,
        label: r.label,
        detail: `${r.direction === "return" ? "return" : "delivery"} package${owner ? ` of ${owner}` : ""}`,
        href: r.jobId ? `/jobs/${r.jobId}` : "/jobs",
        exact,
      };
    case "job":
      return {
        kind: r.kind,
        id: r.id,
        label: r.label,
        detail: r.customerName ?? "",
        href: `/jobs/${r.id}`,
        exact,
      };
    case "customer":
      return {
        kind: r.kind,
        id: r.id,
        label: r.label,
        detail: "their jobs",
        href: `/jobs?customer=${r.id}`,
        exact,
      };
  }
}

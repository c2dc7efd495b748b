import type { JobState } from "@/lib/domain/index.ts";

/**
 * What the supervisors' dashboard shows, as plain data (no server imports): the page computes it
 * in SQL (lib/server/dashboard) and the chart components only draw it. Days are UTC days,
 * `YYYY-MM-DD`.
 */
export type DayCount = { day: string; count: number };

export type ThroughputDay = { day: string; drives: number; bytes: number };

export type StateCount = { state: JobState; count: number };

/** One kind of deadline: how many are past it, and how many fall due within the next 48 hours. */
export type AgingRow = {
  key: "creating" | "shipping" | "drives" | "incidents";
  overdue: number;
  dueSoon: number;
};

export const AGE_BUCKETS = ["under1d", "1to3d", "3to7d", "7to14d", "over14d"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const AGE_BUCKET_LABELS: Readonly<Record<AgeBucket, string>> = {
  under1d: "Under 1 day",
  "1to3d": "1–3 days",
  "3to7d": "3–7 days",
  "7to14d": "7–14 days",
  over14d: "Over 14 days",
};

export type AgeRow = { bucket: AgeBucket; faults: number; incidents: number };

export type Dashboard = {
  /** The instant the figures were computed at (ISO 8601, UTC). */
  at: string;
  /** The 14 UTC days shown, oldest first; the last is today. */
  received: DayCount[];
  shippedBack: DayCount[];
  backlog: StateCount[];
  aging: AgingRow[];
  openAges: AgeRow[];
  throughput: ThroughputDay[];
};

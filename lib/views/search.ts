/** One search result as the palette and the /search page show it (plain JSON, no server code). */
export type SearchHitKind = "drive" | "tracking" | "job" | "customer";

export type SearchHit = {
  kind: SearchHitKind;
  id: string;
  /** What matched: the serial, the tracking number, the job's or the customer's name. */
  label: string;
  /** Where it belongs, in words ("job X · Contoso"). */
  detail: string;
  href: string;
  /** The text is exactly the serial or tracking number (those come first). */
  exact: boolean;
};

export type SearchAnswer = { q: string; hits: SearchHit[] };

export const SEARCH_KIND_LABELS: Record<SearchHitKind, string> = {
  drive: "Drive",
  tracking: "Tracking number",
  job: "Job",
  customer: "Customer",
};

import { z } from "zod";
import { INCIDENT_DEFINITIONS, INCIDENT_KINDS, type IncidentKind } from "@/lib/domain/incidents.ts";
import { JOB_STATES, type JobState } from "@/lib/domain/states.ts";
import { isSaneDate } from "@/lib/validation/dates.ts";
import { printableText } from "@/lib/validation/text.ts";

/**
 * The query strings of the lists (/incidents, /faults, /jobs, their APIs and the CSV export).
 * Each parameter is checked on its own: a bad one is dropped with a sentence saying why (the page
 * shows it, the API answers 422 with it), the others still apply. Never a 500.
 */

export type RawParams = Record<string, string | string[] | undefined>;
export type Parsed<T> = { params: T; errors: string[] };

export const MAX_DUE_DAYS = 365;
/** Offset paging stops here: past it, a filter finds the row faster than paging does. */
export const MAX_PAGE = 2000;
export const QUEUE_PAGE_SIZE = 25;
export const JOBS_PAGE_SIZE = 50;

const one = (raw: RawParams, key: string): string | undefined => {
  const v = raw[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s;
};

type Field<T> = { schema: z.ZodType<T>; message: string };

function field<T>(raw: RawParams, key: string, f: Field<T>, errors: string[]): T | undefined {
  const value = one(raw, key);
  if (value === undefined) return undefined;
  const parsed = f.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(f.message);
  return undefined;
}

const uuid: Field<string> = {
  schema: z.uuid(),
  message: "“customer” is not a customer's id; the customer filter is off.",
};
const due: Field<number> = {
  schema: z.coerce.number().int().min(0).max(MAX_DUE_DAYS),
  message: `“due” is a whole number of days from 0 to ${MAX_DUE_DAYS}; that filter is off.`,
};
const flag: Field<boolean> = {
  schema: z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true"),
  message: "“overdue” is 1 or 0; that filter is off.",
};
const page: Field<number> = {
  schema: z.coerce.number().int().min(1).max(MAX_PAGE),
  message: `“page” is a page number from 1 to ${MAX_PAGE}; showing page 1.`,
};
const dir: Field<"asc" | "desc"> = {
  schema: z.enum(["asc", "desc"]),
  message: "“dir” is asc or desc; using the default order.",
};
function oneOf<const T extends string>(name: string, values: readonly T[]): Field<T> {
  return {
    schema: z.enum(values as unknown as [T, ...T[]]),
    message: `“${name}” is one of ${values.join(", ")}; that parameter is ignored.`,
  };
}
const text: Field<string> = {
  schema: printableText().max(100),
  message: "The search text is at most 100 printable characters; the search is off.",
};
const day = (name: string): Field<string> => ({
  schema: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return isSaneDate(d) && d.toISOString().slice(0, 10) === s;
    }),
  message: `“${name}” is a day written YYYY-MM-DD between 2000 and 2099; that filter is off.`,
});

// --- incidents ---------------------------------------------------------------------------------

export const INCIDENT_RULES = ["R-E1", "R-E2", "R-E3", "R-E4", "R-E5"] as const;
export type IncidentRule = (typeof INCIDENT_RULES)[number];
export const INCIDENT_SORTS = ["deadline", "opened", "rule", "job"] as const;
export const INCIDENT_STATUSES = ["open", "resolved"] as const;

export type IncidentListParams = {
  status: (typeof INCIDENT_STATUSES)[number];
  rule?: IncidentRule;
  customer?: string;
  due?: number;
  overdue: boolean;
  sort: (typeof INCIDENT_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};

export function kindOfRule(rule: IncidentRule): IncidentKind {
  return INCIDENT_KINDS.find((k) => INCIDENT_DEFINITIONS[k].rule === rule)!;
}

export function parseIncidentListParams(raw: RawParams): Parsed<IncidentListParams> {
  const errors: string[] = [];
  const status = field(raw, "status", oneOf("status", INCIDENT_STATUSES), errors) ?? "open";
  const sort = field(raw, "sort", oneOf("sort", INCIDENT_SORTS), errors);
  return {
    params: {
      status,
      rule: field(raw, "rule", oneOf("rule", INCIDENT_RULES), errors),
      customer: field(raw, "customer", uuid, errors),
      due: field(raw, "due", due, errors),
      overdue: field(raw, "overdue", flag, errors) ?? false,
      // Open: nearest deadline first. Resolved: the most recently opened first.
      sort: sort ?? (status === "open" ? "deadline" : "opened"),
      dir: field(raw, "dir", dir, errors) ?? (sort || status === "open" ? "asc" : "desc"),
      page: field(raw, "page", page, errors) ?? 1,
    },
    errors,
  };
}

// --- faults ------------------------------------------------------------------------------------

export const FAULT_SORTS = ["since", "customer", "job", "due"] as const;
export const FAULT_KINDS = ["job", "drive"] as const;

export type FaultListParams = {
  kind?: (typeof FAULT_KINDS)[number];
  customer?: string;
  /** Follow-up due within N days: the day the customer asked us to wait until (R-F2). */
  due?: number;
  overdue: boolean;
  /** Faulted at least N days ago. */
  age?: number;
  sort: (typeof FAULT_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};

export function parseFaultListParams(raw: RawParams): Parsed<FaultListParams> {
  const errors: string[] = [];
  return {
    params: {
      kind: field(raw, "kind", oneOf("kind", FAULT_KINDS), errors),
      customer: field(raw, "customer", uuid, errors),
      due: field(raw, "due", due, errors),
      overdue: field(raw, "overdue", flag, errors) ?? false,
      age: field(raw, "age", { ...due, message: due.message.replace("“due”", "“age”") }, errors),
      sort: field(raw, "sort", oneOf("sort", FAULT_SORTS), errors) ?? "since",
      dir: field(raw, "dir", dir, errors) ?? "asc",
      page: field(raw, "page", page, errors) ?? 1,
    },
    errors,
  };
}

// --- jobs --------------------------------------------------------------------------------------

export const JOB_SORTS = [
  "name",
  "customer",
  "type",
  "state",
  "complete",
  "created",
  "changed",
] as const;
export type JobSort = (typeof JOB_SORTS)[number];
export const JOB_TYPES = ["Import", "Export"] as const;

export type JobListParams = {
  state?: JobState;
  customer?: string;
  type?: (typeof JOB_TYPES)[number];
  /** Created on or after this day (UTC). */
  from?: string;
  /** Created on or before this day (UTC). */
  to?: string;
  q?: string;
  sort: JobSort;
  dir: "asc" | "desc";
  page: number;
};

/** Newest change first unless asked; names and customers read best A to Z. */
export function defaultJobDir(sort: JobSort): "asc" | "desc" {
  return sort === "name" || sort === "customer" || sort === "type" || sort === "state"
    ? "asc"
    : "desc";
}

export function parseJobListParams(raw: RawParams): Parsed<JobListParams> {
  const errors: string[] = [];
  const sort = field(raw, "sort", oneOf("sort", JOB_SORTS), errors) ?? "changed";
  let from = field(raw, "from", day("from"), errors);
  let to = field(raw, "to", day("to"), errors);
  if (from && to && from > to) {
    errors.push("“from” is after “to”; the date filter is off.");
    from = to = undefined;
  }
  const q = field(raw, "q", text, errors);
  return {
    params: {
      state: field(raw, "state", oneOf("state", JOB_STATES), errors),
      customer: field(raw, "customer", uuid, errors),
      type: field(raw, "type", oneOf("type", JOB_TYPES), errors),
      from,
      to,
      q: q || undefined,
      sort,
      dir: field(raw, "dir", dir, errors) ?? defaultJobDir(sort),
      page: field(raw, "page", page, errors) ?? 1,
    },
    errors,
  };
}

/** The query string of a list's state (defaults left out), for links, forms and the CSV. */
export function listQuery(params: Record<string, string | number | boolean | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === false || v === "") continue;
    sp.set(k, v === true ? "1" : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

import { z } from "zod";

/** Rows per page of a worklist: a morning's work at a busy dock fits on one. */
export const WORKLIST_PAGE_SIZE = 50;

const pageSchema = z.coerce.number().int().min(1).max(100_000);

/** The `page` of a worklist's address: 1 for anything missing or malformed. */
export function pageFromParam(raw: unknown): number {
  const parsed = pageSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : 1;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / WORKLIST_PAGE_SIZE));
}

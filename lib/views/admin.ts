/**
 * What the admin pages show, as plain types that client components may import (they may not
 * import lib/server). The queries in lib/server/api-keys and lib/server/customers return these.
 */

export type ApiKeyKind = "customer" | "station";

/** One key as the admin sees it: what identifies it and its use, never its hash. */
export type ApiKeyRow = {
  id: string;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  customer: { id: string; name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type ApiKeyLists = { customer: ApiKeyRow[]; station: ApiKeyRow[] };

export type CustomerRow = {
  id: string;
  name: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  jobs: number;
  activeApiKeys: number;
};

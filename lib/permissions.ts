/**
 * Who may do what, as data. Pure and shared: lib/server enforces it on every read and write, the
 * UI uses it only to show each role what it may do. A supervisor can do everything an operator
 * can; an admin manages users and keys and sees everything.
 */
export const ROLES = ["operator", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** The supervisors' dashboard: the floor's figures, each linked to its list. */
  "dashboard:read": ["supervisor", "admin"],
  /** See jobs, drives, packages and their history. */
  "jobs:read": ["operator", "supervisor", "admin"],
  /** Scan at the dock: receive, mark never received, flag extra drives, ship back. */
  "dock:work": ["operator", "supervisor"],
  /** Move a job or a drive to Faulted (R-F1). */
  "faults:raise": ["operator", "supervisor"],
  /** Resolve faults (R-F3) and record the contact attempts made about them. */
  "faults:resolve": ["supervisor"],
  /** Work incidents (R-E1..R-E5): the queue, outcomes, incidents opened by hand, certificates. */
  "incidents:work": ["supervisor"],
  /**
   * The alerts (issue 12): open faults and incidents, deadlines within 48 hours. Each one asks for
   * a supervisor's work and links to a fault's or an incident's page, so supervisors only.
   */
  "alerts:read": ["supervisor"],
  /** Cancel a job (R-J14). */
  "jobs:cancel": ["supervisor"],
  /** Ship back at the dock a drive the rules would otherwise keep (the supervisor's override). */
  "dock:override": ["supervisor"],
  /** Reveal a drive's BitLocker key (recorded). */
  "keys:reveal": ["supervisor"],
  /** Users and roles. */
  "users:manage": ["admin"],
  /** Create, rotate and revoke a job's customer status link. */
  "statusLinks:manage": ["supervisor", "admin"],
  /** Customer and copy-station API keys. */
  "apiKeys:manage": ["admin"],
  /** The datacenter sites customers ship to (the Job API's locations). */
  "sites:manage": ["admin"],
  /** Read the demo's mail catcher (/admin/mail) and every customer's webhook subscriptions. */
  "mail:read": ["admin"],
  /**
   * Act on customers' webhooks from /admin/webhooks: send a subscription a test event, retry a
   * delivery now (issue 12). Never their signing secrets.
   */
  "webhooks:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  operator: "Operator",
  supervisor: "Supervisor",
  admin: "Admin",
};

/**
 * Where each role lands after signing in (and on `/` when signed in): the dock for operators
 * (issue 13), the dashboard for supervisors and admins.
 */
export const START_PAGES: Readonly<Record<Role, string>> = {
  operator: "/dock",
  supervisor: "/dashboard",
  admin: "/dashboard",
};

/** The console's navigation, each entry shown only to the roles allowed to use it. */
export const NAVIGATION: { href: string; label: string; permission: Permission }[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:read" },
  { href: "/dock", label: "Dock", permission: "dock:work" },
  { href: "/dock/expected", label: "Expected", permission: "jobs:read" },
  { href: "/dock/ship-back", label: "To ship back", permission: "jobs:read" },
  { href: "/jobs", label: "Jobs", permission: "jobs:read" },
  { href: "/faults", label: "Faults", permission: "faults:resolve" },
  { href: "/incidents", label: "Incidents", permission: "incidents:work" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/api-keys", label: "API keys", permission: "apiKeys:manage" },
  { href: "/admin/locations", label: "Locations", permission: "sites:manage" },
  { href: "/admin/mail", label: "Mail", permission: "mail:read" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "mail:read" },
  { href: "/help", label: "Help", permission: "jobs:read" },
];

import type { Metadata } from "next";
import { NewUserForm } from "@/components/admin/new-user-form";
import { Table } from "@/components/ui/table";
import { UserActions } from "@/components/admin/user-actions";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS } from "@/lib/permissions.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import { db } from "@/lib/server/db.ts";
import { listUsers } from "@/lib/server/users/queries.ts";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const access = await requirePage("users:manage", "/admin/users");
  const users = await listUsers(db);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Users</h1>
        <p className="text-slate-700">
          Who can sign in to Dockside, and what their role lets them do.
        </p>
      </div>
      <NewUserForm />
      <Table
        id="users-caption"
        caption="Users"
        headers={["Name", "Email", "Role", "Status", "Last sign-in", "Actions"]}
      >
        {users.map((u) => (
          <tr key={u.id} className={u.disabled ? "bg-slate-50 text-slate-600" : undefined}>
            <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
              {u.name}
              {u.id === access.user.id && (
                <span className="ml-1 text-xs text-slate-600">(you)</span>
              )}
            </th>
            <td className="px-3 py-2">{u.email}</td>
            <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
            <td className="px-3 py-2 whitespace-nowrap">{u.disabled ? "Disabled" : "Active"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              {u.lastSignInAt ? <Time at={u.lastSignInAt} /> : "Never"}
            </td>
            <td className="px-3 py-2">
              <UserActions user={u} />
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

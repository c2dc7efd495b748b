import type { Metadata } from "next";
import { DockConsole } from "@/components/dock/dock-console";
import { can } from "@/lib/permissions.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Dock" };

export default async function DockPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePage("dock:work", "/dock");
  const params = await searchParams;
  const mode = params.mode === "ship" ? "ship" : "receive";
  const packageId =
    typeof params.package === "string" && /^[0-9a-f-]{36}$/i.test(params.package)
      ? params.package
      : null;
  return (
    <div className="space-y-4">
      <h1 className="sr-only">Receiving dock</h1>
      <DockConsole
        initialMode={mode}
        initialPackageId={packageId}
        canOverride={can(access.user.role, "dock:override")}
      />
    </div>
  );
}

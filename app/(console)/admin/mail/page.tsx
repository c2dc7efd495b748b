import type { Metadata } from "next";
import { requirePage } from "@/lib/server/page-access.ts";
import { catcherDir, caughtMails } from "@/lib/server/notify/catcher-inbox.ts";

export const metadata: Metadata = { title: "Mail" };
export const dynamic = "force-dynamic";

/**
 * The demo's mail catcher (npm run demo): every mail Dockside sent, as the customer would get it.
 * In production mail goes to SMTP_URL and this page only says so.
 */
export default async function MailPage() {
  await requirePage("mail:read", "/admin/mail");
  const dir = catcherDir();
  const mails = dir ? caughtMails(dir) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Mail</h1>
        <p className="text-slate-700">
          {dir
            ? "The mails Dockside sent to customers, caught on this machine (nothing left it). Newest first."
            : "Mail goes to the SMTP server configured by SMTP_URL; no local inbox is kept."}
        </p>
      </div>
      {dir && mails.length === 0 ? <p className="text-slate-700">No mail yet.</p> : null}
      <ul className="space-y-3" aria-label="Caught mails">
        {mails.map((m) => (
          <li
            key={`${m.messageId}-${m.receivedAt}`}
            className="rounded border border-slate-200 bg-white p-3"
          >
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{m.subject}</span>
                <span className="text-slate-700">
                  {" "}
                  · to {m.to.join(", ")} ·{" "}
                  <time dateTime={m.receivedAt}>
                    {m.receivedAt.replace("T", " ").slice(0, 19)} UTC
                  </time>
                </span>
              </summary>
              <pre className="mt-2 text-sm whitespace-pre-wrap">{m.text}</pre>
              <p className="mt-1 text-xs text-slate-600">Message-ID: {m.messageId}</p>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

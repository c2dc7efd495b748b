import Link from "next/link";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/labels/print-button";

/**
 * A printable page inside the console: on screen, a way back and a Print button above the
 * printout; on paper, only the printout, on a page of `pageSize` (CSS `@page size`, or "auto" for
 * the printer's own paper, A4 or Letter).
 */
export function PrintPage({
  back,
  printLabel,
  pageSize,
  children,
}: {
  back: { href: string; label: string };
  printLabel: string;
  pageSize: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <style>{`@page { size: ${pageSize}; margin: ${pageSize === "auto" ? "15mm" : "4mm"}; }
@media print {
  header, nav, .no-print { display: none !important; }
  body { background: white !important; }
  main { padding: 0 !important; max-width: none !important; }
}`}</style>
      <div className="no-print flex flex-wrap items-center gap-4">
        <Link href={back.href} className="text-blue-800 underline hover:text-blue-950">
          {back.label}
        </Link>
        <PrintButton label={printLabel} />
        <noscript>
          <span className="text-slate-700">Print with your browser&apos;s Print command.</span>
        </noscript>
      </div>
      {children}
    </div>
  );
}

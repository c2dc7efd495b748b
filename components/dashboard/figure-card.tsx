import Link from "next/link";
import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";

/**
 * One figure of the dashboard: its heading, the chart, and the same numbers as a table beside it
 * (below it on a narrow screen), with a link to the list behind the figure.
 */
export function FigureCard({
  id,
  title,
  description,
  chart,
  table,
  list,
}: {
  id: string;
  title: string;
  description: string;
  chart: ReactNode;
  table: ReactNode;
  /** The list behind the figure; none when the reader may not open it. */
  list?: { href: string; label: string } | undefined;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {list && (
          <Link href={list.href} className="text-sm font-medium text-blue-800 underline">
            {list.label}
          </Link>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-700">{description}</p>
      <div className="mt-3 grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>{chart}</div>
        <div>{table}</div>
      </div>
    </section>
  );
}

/** A number in a table cell, linked to the filtered list behind it when there is one. */
export function CountLink({ href, value, label }: { href?: string; value: number; label: string }) {
  const text = value.toLocaleString("en-US");
  if (!href) return <span className="tabular-nums">{text}</span>;
  return (
    <Link
      href={href}
      className="tabular-nums text-blue-800 underline"
      aria-label={`${text} ${label}`}
    >
      {text}
    </Link>
  );
}

export const tableClass = "w-full text-sm";
export const captionClass = "mb-1 text-left font-medium text-slate-800";
export const thClass = "border-b border-slate-300 px-2 py-1 text-left font-semibold text-slate-900";
export const numClass = "border-b border-slate-100 px-2 py-1 text-right tabular-nums";
export const cellClass = "border-b border-slate-100 px-2 py-1 text-left";

/**
 * A figure's numbers as a table beside its chart: the console's Table with its caption shown,
 * in the dashboard's compact style, inside the card (no scrolling box of its own).
 */
export function FigureTable({
  caption,
  head,
  children,
}: {
  caption: ReactNode;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <Table
      caption={caption}
      captionClassName={captionClass}
      head={head}
      scroll={false}
      className={tableClass}
      headClassName=""
      bodyClassName=""
    >
      {children}
    </Table>
  );
}

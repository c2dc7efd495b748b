import type { ReactNode } from "react";

/**
 * A table that scrolls sideways inside its own box on a narrow screen, so the page itself never
 * does. The box is focusable so that keyboard users can scroll it too, and positioned so that the
 * visually hidden text of its cells (absolutely positioned) is clipped with them.
 */
export function JobTableFrame({
  id,
  caption,
  headers,
  children,
}: {
  id: string;
  caption: string;
  headers: readonly string[];
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-labelledby={id}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700"
    >
      <table className="min-w-full text-left text-sm">
        <caption id={id} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

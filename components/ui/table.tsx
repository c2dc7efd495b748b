import { useId, type ReactNode, type ThHTMLAttributes } from "react";

/**
 * A table with its caption, its column headers (`scope="col"`) and, unless told otherwise, its
 * own scrolling box: on a narrow screen it scrolls sideways inside that box, so the page itself
 * never does. The box is a region named by the caption and focusable, so that keyboard users can
 * scroll it too, and positioned so that the visually hidden text of its cells (absolutely
 * positioned) is clipped with them.
 *
 * `headers` names plain columns; a table whose headers sort or carry more gives `head`, a row of
 * `ColumnHeader`s (or SortHeaders). The caption is read, not shown, unless `captionClassName` says.
 */
export function Table({
  id,
  caption,
  captionClassName = "sr-only",
  headers,
  head,
  children,
  scroll = true,
  className = "min-w-full text-left text-sm",
  frameClassName = "bg-white",
  headClassName = "bg-slate-100 text-slate-800",
  bodyClassName = "divide-y divide-slate-200",
}: {
  id?: string;
  caption: ReactNode;
  captionClassName?: string;
  headers?: readonly string[];
  head?: ReactNode;
  children: ReactNode;
  scroll?: boolean;
  className?: string;
  frameClassName?: string;
  headClassName?: string;
  bodyClassName?: string;
}) {
  const ownId = useId();
  const captionId = id ?? `${ownId}-caption`;
  const table = (
    <table className={className}>
      <caption id={captionId} className={captionClassName}>
        {caption}
      </caption>
      <thead className={headClassName}>
        <tr>
          {head ??
            headers?.map((h) => (
              <ColumnHeader key={h} className="px-3 py-2 font-semibold whitespace-nowrap">
                {h}
              </ColumnHeader>
            ))}
        </tr>
      </thead>
      <tbody className={bodyClassName}>{children}</tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={`relative overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-blue-700 ${frameClassName}`.trim()}
    >
      {table}
    </div>
  );
}

/** A column's header cell: `scope="col"`, so each cell is read with its column's name. */
export function ColumnHeader({
  className = "px-3 py-2 font-semibold",
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={className} {...rest} />;
}

/** A row's header cell: `scope="row"`, so the row's other cells are read with it. */
export function RowHeader({
  className = "px-3 py-2 font-semibold",
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={className} {...rest} />;
}

import { Fragment } from "react";

/** Text of the OpenAPI document: paragraphs split on blank lines, `code` in backticks. */
export function RichText({ text, className = "" }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== "");
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className={`break-words ${className}`}>
          <InlineCode text={p} />
        </p>
      ))}
    </>
  );
}

export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-900">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

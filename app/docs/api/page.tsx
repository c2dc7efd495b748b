import type { Metadata } from "next";
import { openApiDocument as doc } from "@/lib/api/openapi.ts";
import { operationsByTag } from "./openapi-reading.ts";
import { ERROR_SCHEMA, MethodBadge, OperationSection } from "./operation-section";
import { InlineCode, RichText } from "./rich-text";
import { SchemaFields } from "./schema-fields";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Dockside Job API and copy-station API, from the OpenAPI document.",
};

// Public, no sign-in: made from the same document object /api/v1/openapi.json serves. Rendered
// per request like every page (the root layout reads the request for the CSP nonce).

const tags = operationsByTag(doc);
const schemes = Object.entries(doc.components.securitySchemes) as [
  string,
  { description?: string; type: string; scheme?: string; name?: string },
][];

export default function ApiDocsPage() {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <span className="text-lg font-bold text-slate-900">Dockside API</span>
          <a
            href="/api/v1/openapi.json"
            className="text-sm font-medium text-blue-800 underline hover:text-blue-950"
          >
            OpenAPI document (JSON)
          </a>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl space-y-8 px-4 py-6">
        <div className="space-y-3">
          <h1 className="text-2xl font-bold">
            {doc.info.title}{" "}
            <span className="text-base font-normal text-slate-700">version {doc.info.version}</span>
          </h1>
          <RichText text={doc.info.description} className="text-slate-800" />
        </div>

        <nav aria-labelledby="contents" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="contents" className="font-bold">
            Contents
          </h2>
          <ul className="mt-2 space-y-3 text-sm">
            <li>
              <a href="#authentication" className="text-blue-800 underline hover:text-blue-950">
                Authentication
              </a>
            </li>
            <li>
              <a href="#errors" className="text-blue-800 underline hover:text-blue-950">
                Errors
              </a>
            </li>
            {tags.map((tag) => (
              <li key={tag.name}>
                <a
                  href={`#tag-${slug(tag.name)}`}
                  className="font-semibold text-blue-800 underline hover:text-blue-950"
                >
                  {tag.name}
                </a>
                <ul className="mt-1 space-y-1 pl-4">
                  {tag.operations.map((op) => (
                    <li key={op.operationId} className="flex flex-wrap items-center gap-2">
                      <MethodBadge method={op.method} />
                      <a
                        href={`#op-${op.operationId}`}
                        className="break-all text-blue-800 underline hover:text-blue-950"
                      >
                        {op.summary}
                      </a>
                      <code className="font-mono text-xs break-all text-slate-700">{op.path}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>

        <section aria-labelledby="authentication" className="space-y-2">
          <h2 id="authentication" className="text-xl font-bold">
            Authentication
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            {schemes.map(([name, s]) => (
              <li key={name}>
                {s.type === "http" ? (
                  <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>
                ) : (
                  <code className="font-mono">{s.name}: &lt;key&gt;</code>
                )}
                {s.description ? (
                  <>
                    {" "}
                    — <InlineCode text={s.description} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="errors" className="space-y-2">
          <h2 id="errors" className="text-xl font-bold">
            Errors
          </h2>
          <p className="text-slate-800">
            Every error answers with a status code and this body (
            <code className="font-mono">{ERROR_SCHEMA}</code>); each operation lists its status
            codes.
          </p>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <SchemaFields doc={doc} schema={{ $ref: `#/components/schemas/${ERROR_SCHEMA}` }} />
          </div>
        </section>

        {tags.map((tag) => (
          <section key={tag.name} aria-labelledby={`tag-${slug(tag.name)}`} className="space-y-4">
            <div>
              <h2 id={`tag-${slug(tag.name)}`} className="text-xl font-bold">
                {tag.name}
              </h2>
              <p className="text-slate-700">{tag.description}</p>
            </div>
            {tag.operations.map((op) => (
              <OperationSection key={op.operationId} doc={doc} op={op} />
            ))}
          </section>
        ))}
      </main>
    </div>
  );
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

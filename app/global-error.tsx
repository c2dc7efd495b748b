"use client";

import { ErrorPage } from "@/components/errors/error-page";
import "./globals.css";

/** The root layout itself failed: this replaces it, so it brings its own html and body. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <head>
        <title>Dockside: something went wrong</title>
      </head>
      <body className="min-h-screen font-sans">
        <ErrorPage digest={error.digest} onRetry={() => window.location.reload()} />
      </body>
    </html>
  );
}

/**
 * The app's route handlers, found the way Next.js finds them (app/**\/route.ts, `[param]`
 * segments, route groups in parentheses left out), so a test can send a Request to a path and
 * have the handler that `next start` would run answer it, in process.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

type Route = { file: string; pattern: RegExp; names: string[] };

function routes(): Route[] {
  const app = path.join(root, "app");
  return (
    readdirSync(app, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name === "route.ts")
      .map((d) => {
        const segments = path
          .relative(app, d.parentPath)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s));
        const names: string[] = [];
        const source = segments.map((s) => {
          const param = /^\[(\w+)\]$/.exec(s);
          if (param) {
            names.push(param[1]!);
            return "/([^/]+)";
          }
          return `/${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
        });
        return {
          file: path.join(d.parentPath, d.name),
          pattern: new RegExp(`^${source.join("")}$`),
          names,
        };
      })
      // Static segments before parameters, as Next.js prefers them.
      .sort((a, b) => a.names.length - b.names.length)
  );
}

const ROUTES = routes();

/** The handler's answer, or a plain 404 (as Next.js gives for a path no route has). */
export async function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const mod = (await import(route.file)) as Record<string, Handler | undefined>;
    const handler = mod[request.method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(
      route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]),
    );
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response("<!DOCTYPE html><title>404</title>", { status: 404 });
}

/**
 * A small HTTP client for the benchmark: keep-alive connections to the app on 127.0.0.1 and one
 * cookie jar per simulated operator, as a browser tab on the dock page would have. Plain node:http
 * (no dependency, and less client-side work per request than fetch, so the load generator takes
 * less of the machine's two cores from the server it measures).
 */
import http from "node:http";

export type HttpResponse = { status: number; body: string; setCookies: string[] };

const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 256 });

/** Closes the idle keep-alive sockets, so the process can exit. */
export function closeConnections(): void {
  agent.destroy();
}

export function request(
  base: URL,
  method: "GET" | "POST",
  path: string,
  options: {
    body?: string;
    contentType?: string;
    cookie?: string;
    timeoutMs?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpResponse> {
  if (base.hostname !== "127.0.0.1") throw new Error("The benchmark only sends load to 127.0.0.1.");
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (options.body !== undefined) {
      headers["content-type"] = options.contentType ?? "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    if (options.cookie) headers.cookie = options.cookie;
    const req = http.request(
      { host: "127.0.0.1", port: base.port, method, path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            setCookies: res.headers["set-cookie"] ?? [],
          }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`${method} ${path} timed out`)),
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The cookies of one browser: enough of RFC 6265 for next-auth on one host. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: string[]): void {
    for (const line of setCookies) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /;\s*max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** A signed-in browser: the requests the dock page makes, with its session cookie. */
export class Browser {
  readonly jar = new CookieJar();
  constructor(readonly base: URL) {}

  async send(
    method: "GET" | "POST",
    path: string,
    json?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse> {
    const options = {
      body: json === undefined ? undefined : JSON.stringify(json),
      cookie: this.jar.header(),
      headers,
    };
    // A kept-alive connection the server closed just as this request went out: a browser sends
    // it again on a new connection, once (every request here is idempotent: scans carry an id).
    const res = await request(this.base, method, path, options).catch((e: unknown) => {
      if ((e as { code?: string }).code !== "ECONNRESET") throw e;
      return request(this.base, method, path, options);
    });
    this.jar.take(res.setCookies);
    return res;
  }

  /** next-auth v4 credentials sign-in, as the sign-in page does it: CSRF token, then callback. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.send("GET", "/api/auth/csrf");
    if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf: ${csrf.status} ${csrf.body}`);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    const res = await request(this.base, "POST", "/api/auth/callback/credentials", {
      body: form,
      contentType: "application/x-www-form-urlencoded",
      cookie: this.jar.header(),
    });
    this.jar.take(res.setCookies);
    if (!this.jar.has("next-auth.session-token")) {
      throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body.slice(0, 300)}`);
    }
  }
}

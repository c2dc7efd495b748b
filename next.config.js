/** Headers for every response; the Content-Security-Policy (with its per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() in pages: "not for your role" answers 403, not 200 (lib/server/page-access.ts).
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // The PostgreSQL driver, the embedded server and the barcode writer stay plain Node modules.
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "bwip-js"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The customer's status link carries its token in the path: never send it on as a referrer.
      { source: "/status/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;

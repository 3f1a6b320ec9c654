/** @type {import('next').NextConfig} */
const nextConfig = {
  // Benchmarks build into their own folder so that they never race the app's own build.
  distDir: process.env.FACTLINE_DIST_DIR || ".next",
  reactStrictMode: true,
  // Types are checked once for the whole repo by `npm run typecheck` (CI and `npm run validate`);
  // see docs/decisions/0003-typecheck-outside-build.md.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // piscina starts its worker threads from its own files in node_modules (worker.js next to its
  // index.js); bundled into the server chunks it would look for them there. See decision 0010.
  serverExternalPackages: ["piscina"],
  typedRoutes: false,
  // The headers that are the same for every response. The pages' Content-Security-Policy (a nonce
  // per request) and HSTS (when the public URL is https, known only at run time) are set by proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // For browsers without CSP frame-ancestors.
          { key: "X-Frame-Options", value: "DENY" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
          },
        ],
      },
      {
        // API answers and downloads are never pages: nothing in them may load or run (lib/security/csp.ts
        // API_CONTENT_SECURITY_POLICY, kept equal by lib/security/csp.test.ts).
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
    ];
  },
};

module.exports = nextConfig;

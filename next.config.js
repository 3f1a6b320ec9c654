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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;

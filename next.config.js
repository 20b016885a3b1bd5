// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules (SQLite driver, resvg rasteriser), the PostgreSQL driver and Prisma adapters stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@resvg/resvg-js",
  ],
  // Ward pages are generated at build time (from the database the build ran on: npm start rebuilds when
  // the data changed) and regenerated after an import. Regenerated pages stay in this server's memory rather
  // than being written back into .next, which every server started from this checkout shares even when
  // their databases differ (a test server, a benchmark, npm start). Room for every Peterborough ward page
  // with every indicator (about 600 pages of ~230 kB); beyond that the least recently used are rendered again.
  cacheMaxMemorySize: 160 * 1024 * 1024,
  experimental: {
    isrFlushToDisk: false,
    // The stylesheet (Tailwind, ~6 kB compressed) goes in the page's <head> instead of a render-blocking
    // request: on a phone on a slow connection that round trip was the largest delay before first paint
    // (npm run bench:pages, Lighthouse's render-blocking-resources audit).
    inlineCss: true,
  },
  // Security headers (CSP, frame rules with the /embed/ exception, HSTS over HTTPS) are set by proxy.ts
  // from lib/security/headers.ts, not here: one place for all of them means no header is sent twice with
  // two different values.
};

module.exports = nextConfig;

// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules (SQLite driver, resvg rasteriser) and Prisma's runtime stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@resvg/resvg-js",
  ],
  // Security headers (CSP with a per-request nonce, frame rules with the /embed/ exception, HSTS over
  // HTTPS) are set by proxy.ts from lib/security/headers.ts, not here: a nonce cannot be static, and one
  // place for all of them means no header is sent twice with two different values.
};

module.exports = nextConfig;

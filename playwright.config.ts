import { defineConfig, devices } from "@playwright/test";
import { providerOf } from "./lib/db/database-url";
import { CHROMIUM_ARGS, ensureChromium } from "./scripts/test/chromium";

// Playwright's own browser downloads are unavailable on offline machines: the Chromium that
// `npm install` brings, or CHROMIUM_PATH, or a system one (scripts/test/chromium.ts). With none,
// loading this config fails with one sentence naming what to install.
const chromiumPath = ensureChromium();

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// One database per port, so two test runs on one machine cannot delete each other's data.
export const E2E_DATABASE_FILE = `var/e2e-${E2E_PORT}.db`;
// A PostgreSQL DATABASE_URL (npm run test:pg gives a fresh, empty database) is used as it is: the
// server migrates and seeds it. Otherwise the per-port SQLite file above, recreated each run.
const postgresUrl =
  process.env.DATABASE_URL && providerOf(process.env.DATABASE_URL) === "postgresql" ? process.env.DATABASE_URL : null;
export const E2E_DATABASE_URL = postgresUrl ?? `file:${E2E_DATABASE_FILE}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /mobile\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    // A fresh database seeded from the demo data, built and served exactly as `npm start` does.
    command: postgresUrl ? "tsx scripts/start.ts" : `rm -f ${E2E_DATABASE_FILE} && tsx scripts/start.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: { DATABASE_URL: E2E_DATABASE_URL, PORT: String(E2E_PORT), NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
  },
});

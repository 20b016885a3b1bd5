// npm run test:pg [-- unit|e2e [arguments…]]: the whole test suite against a real PostgreSQL.
// With a part, the arguments after it go to that part's runner (a unit test path filter, or
// Playwright's options, e.g. `npm run test:pg -- e2e --last-failed`).
// Starts a throw-away server on loopback (scripts/db/local-postgres.ts: temp data directory, removed
// afterwards), then runs
//   - the unit tests with TEST_POSTGRES_URL set: database-backed tests create a fresh database each
//     (lib/db/__tests__/seeded-database.ts) and the PostgreSQL-only tests run instead of skipping;
//   - the Playwright journeys with DATABASE_URL naming a fresh, empty database: the server
//     (scripts/start.ts) migrates and seeds it, and the specs read expectations from it.
// The importer stays on SQLite by design; its tests use temp SQLite files on both runs.
import { spawnSync } from "node:child_process";
import net from "node:net";
import { startLocalPostgres } from "../db/local-postgres";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function run(title: string, args: string[], env: Record<string, string>): boolean {
  console.log(`\n=== ${title} (PostgreSQL) ===`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

async function main(): Promise<number> {
  const [only, ...extra] = process.argv.slice(2);
  if (only && only !== "unit" && only !== "e2e") throw new Error(`Unknown part "${only}": use unit or e2e.`);
  // Playwright reuses a server already on the port (outside CI): that one may be serving SQLite.
  if (only !== "unit" && (await portInUse(E2E_PORT))) {
    throw new Error(`Port ${E2E_PORT} is in use: stop that server, or set E2E_PORT to a free port.`);
  }
  const server = await startLocalPostgres({ database: "civic_pulse_unit" });
  const results: [string, boolean][] = [];
  try {
    if (only !== "e2e") {
      const ok = run("unit tests", ["--import", "tsx", "scripts/test/run-unit-tests.ts", ...extra], {
        TEST_POSTGRES_URL: server.url,
      });
      results.push(["unit tests", ok]);
    }
    if (only !== "unit") {
      const url = await server.createDatabase("civic_pulse_e2e");
      const ok = run("end-to-end tests", [require.resolve("@playwright/test/cli"), "test", ...extra], {
        DATABASE_URL: url,
        E2E_PORT: String(E2E_PORT),
      });
      results.push(["end-to-end tests", ok]);
    }
  } finally {
    await server.stop();
  }
  console.log("");
  for (const [title, ok] of results) console.log(`${ok ? "passed" : "FAILED"}: ${title} on PostgreSQL`);
  return results.every(([, ok]) => ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

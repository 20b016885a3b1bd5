// A second dashboard for journeys that import data: started as npm start starts it (scripts/start.ts:
// Next behind the front cache), on a copy of the test database so the import cannot change what the
// other specs see, from the same build. The import CLI writes SQLite files only, so such journeys skip
// under PostgreSQL (E2E_DATABASE_URL is then a postgresql:// URL).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DATABASE_FILE, E2E_DATABASE_URL, E2E_PORT } from "../../playwright.config";

export const IMPORTS_NEED_SQLITE = !E2E_DATABASE_URL.startsWith("file:");

export interface DashboardOnCopy {
  base: string;
  databaseFile: string;
  token: string;
  /** Runs `npm run import -- …args` against the copy, telling this dashboard with `token` (default: its own). */
  runImport(args: readonly string[], token?: string): { status: number | null; output: string; stdout: string };
  stop(): Promise<void>;
}

/** Starts a dashboard on port E2E_PORT + `portOffset`, over a fresh copy of the test database. */
export async function startDashboardOnCopy(portOffset: number, token: string): Promise<DashboardOnCopy> {
  const port = E2E_PORT + portOffset;
  const base = `http://127.0.0.1:${port}`;
  const databaseFile = path.resolve(`var/e2e-copy-${port}.db`);
  fs.copyFileSync(E2E_DATABASE_FILE, databaseFile);
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${databaseFile}`,
      CIVIC_PULSE_REVALIDATE_TOKEN: token,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The copy holds the data the build was made from: a rebuild would mean a different build, written into the
  // .next the main test server is serving from. Stop rather than do that.
  let rebuilding = false;
  server.stdout!.on("data", (output: Buffer) => {
    if (output.toString().includes("Building the dashboard")) {
      rebuilding = true;
      server.kill();
    }
  });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill(); // scripts/start.ts stops Next, then exits
      await exited;
    }
    fs.rmSync(databaseFile, { force: true });
  };
  await Promise.race([
    waitUntilUp(base),
    new Promise((_, reject) => server.once("exit", () => reject(new Error("the test server stopped")))),
  ]).catch(async (error: Error) => {
    await stop();
    throw rebuilding ? new Error("scripts/start.ts wanted to rebuild for the copied database") : error;
  });
  return {
    base,
    databaseFile,
    token,
    runImport(args, withToken = token) {
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: `file:${databaseFile}`,
          CIVIC_PULSE_URL: base,
          CIVIC_PULSE_REVALIDATE_TOKEN: withToken,
        },
      });
      return { status: result.status, output: result.stdout + result.stderr, stdout: result.stdout };
    },
    stop,
  };
}

async function waitUntilUp(base: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the test server on ${base} did not start`);
}

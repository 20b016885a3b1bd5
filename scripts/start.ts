// npm start: one command from a fresh clone to a running dashboard.
// 1. create/migrate the database (SQLite file or PostgreSQL, by DATABASE_URL) and seed the demo data on first run;
// 2. build the app if there is no build, or the sources or the data changed since the last one (the
//    build generates every ward page from the data, and those pages are served from the cache);
// 3. serve it (PORT, default 3000) through a small in-memory cache in front of Next
//    (lib/server/front-cache.ts), with a token the import CLI uses to have pages regenerated.
import { spawnSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureRevalidationToken } from "../lib/cache/revalidation";
import { readDataVersion } from "../lib/data/data-version";
import { createDb } from "../lib/db/client";
import { createFrontServer } from "../lib/server/front-cache";
import { deferPageScripts } from "../lib/scripts-on-demand";
import { setupDatabase } from "./db/setup";

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = ".next/civic-pulse-source-hash";

/** A hash of everything the build reads, so a stale build is rebuilt rather than served. */
function sourceHash(): string {
  const hash = crypto.createHash("sha256");
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) {
        if (child !== "node_modules" && !child.startsWith(".")) visit(path.join(entry, child));
      }
    } else {
      hash.update(entry).update(fs.readFileSync(entry));
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function dataVersion(): Promise<string> {
  const db = createDb();
  try {
    return await readDataVersion(db);
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  await setupDatabase();
  // Data imported while no server ran has no cached page to invalidate but the build's: rebuild.
  const hash = `${sourceHash()}:${await dataVersion()}`;
  const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (!built) {
    console.log("Building the dashboard (first start, or changed sources or data) …");
    run(process.execPath, [require.resolve("next/dist/bin/next"), "build"]);
    fs.writeFileSync(STAMP, hash);
  }
  ensureRevalidationToken();
  const port = Number(process.env.PORT ?? 3000);
  const frontCache = process.env.CIVIC_PULSE_FRONT_CACHE !== "off";
  // Loopback only, and named "localhost", not 127.0.0.1: started with -H 127.0.0.1, Next takes proxy.ts's
  // rewrites for external ones and proxies them over the network to itself, which answers 500 behind a
  // TLS-terminating proxy (X-Forwarded-Proto: https) and resets kept-alive connections (next.js #94745).
  const nextHost = "localhost";
  // With the front cache, Next listens on a free loopback port and the front answers on PORT.
  const nextPort = frontCache ? await freeLoopbackPort() : port;
  console.log(`Civic Pulse is starting on http://localhost:${port}`);
  const next = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(nextPort), ...(frontCache ? ["-H", nextHost] : [])],
    { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
  if (frontCache) {
    await waitForUpstream(nextHost, nextPort);
    // Pages that opt in load Next's scripts only when the reader nears a part that needs them.
    const front = createFrontServer({ upstreamHost: nextHost, upstreamPort: nextPort, rewriteHtml: deferPageScripts });
    front.server.listen(port, () =>
      console.log(`Front cache on port ${port} (CIVIC_PULSE_FRONT_CACHE=off serves Next directly)`),
    );
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** The front starts listening only once Next answers, so nothing sees a half-started dashboard. */
async function waitForUpstream(host: string, nextPort: number) {
  for (;;) {
    try {
      await fetch(`http://${host}:${nextPort}/icon.svg`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

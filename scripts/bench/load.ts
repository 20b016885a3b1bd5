// npm run bench:load — how much traffic the production server takes on this machine, and how that
// compares with nginx serving a static copy of the same responses.
//
// 1. Starts the production server (as `npm start` does) on BENCH_PORT (default 3810).
// 2. Drives it over loopback with wrk (10 connections, BENCH_SECONDS per target, default 10 s):
//    the 22 ward pages in rotation, two API routes and the map image. Prints requests/s,
//    p50/p99 latency and errors per target.
// 3. Saves each response once as a file and serves those files with nginx on BENCH_NGINX_PORT
//    (default 3811; own config, temp prefix, no daemon), drives it the same way, prints the same
//    figures and the ratio app / nginx. Without nginx the app's figures are still printed.
// wrk and nginx come from Debian; they are installed with apt-get when missing (as root).
// Neither side compresses: wrk sends no Accept-Encoding, so both send the bytes as they are.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatTable, secondsSince, startProductionServer, type RunningServer } from "./support";

const APP_PORT = Number(process.env.BENCH_PORT ?? 3810);
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 3811);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const THREADS = Math.max(1, Math.min(2, os.cpus().length));

interface Target {
  name: string;
  paths: string[];
}

interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  errorDetail: string;
}

function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":").concat(["/usr/sbin", "/usr/bin"])) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Finds a Debian tool, installing its package with apt-get when missing and we are root. */
function findOrInstall(command: string, debianPackage: string): string | null {
  const found = which(command);
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.log(`  ${command} is not installed, and installing it needs root: apt-get install -y ${debianPackage}`);
    return null;
  }
  console.log(`  ${command} is not installed: apt-get install -y ${debianPackage} …`);
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "-q", debianPackage], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 300_000,
    }).status === 0;
  if (!install()) {
    spawnSync("apt-get", ["update", "-q"], { stdio: "ignore", timeout: 300_000 });
    install();
  }
  return which(command);
}

/** A wrk Lua script that rotates through the paths and prints its summary as one JSON line. */
function wrkScript(paths: readonly string[]): string {
  const list = paths.map((p) => JSON.stringify(p)).join(", ");
  return `local paths = { ${list} }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

function runWrk(wrk: string, base: string, target: Target, scriptDir: string): WrkResult {
  const script = path.join(scriptDir, `${target.name.replace(/[^a-z0-9]+/gi, "-")}.lua`);
  fs.writeFileSync(script, wrkScript(target.paths));
  const result = spawnSync(
    wrk,
    [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--timeout", "10s", "-s", script, base + target.paths[0]],
    { encoding: "utf8", timeout: (SECONDS + 60) * 1000 },
  );
  const line = (result.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`wrk gave no result for ${target.name}: ${result.stderr || result.stdout}`);
  const r = JSON.parse(line.slice("RESULT ".length)) as Record<string, number>;
  const num = (key: string) => r[key] ?? 0;
  const seconds = num("duration_us") / 1e6;
  const kinds = ["connect", "read", "write", "status", "timeout"].filter((k) => num(k) > 0);
  return {
    requests: num("requests"),
    seconds,
    requestsPerSecond: num("requests") / seconds,
    p50Ms: num("p50_us") / 1000,
    p99Ms: num("p99_us") / 1000,
    errors: kinds.reduce((sum, k) => sum + num(k), 0),
    errorDetail: kinds.map((k) => `${k} ${num(k)}`).join(", "),
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

function printResults(title: string, targets: readonly Target[], results: ReadonlyMap<string, WrkResult>) {
  console.log(`\n${title} (${CONNECTIONS} connections, ${SECONDS} s per target, ${THREADS} wrk threads)`);
  console.log(
    formatTable(
      ["target", "requests", "req/s", "p50 ms", "p99 ms", "errors"],
      targets.map((t) => {
        const r = results.get(t.name);
        if (!r) return [t.name, "–", "–", "–", "–", "not run"];
        return [
          t.name,
          String(r.requests),
          fmt(r.requestsPerSecond),
          fmt(r.p50Ms, 2),
          fmt(r.p99Ms, 2),
          r.errors ? `${r.errors} (${r.errorDetail})` : "0",
        ];
      }),
    ),
  );
}

/** Fetches every path once (which also warms the server) and saves each body where nginx will look for it. */
async function saveStaticCopy(base: string, targets: readonly Target[], siteDir: string): Promise<void> {
  for (const target of targets) {
    for (const urlPath of target.paths) {
      const response = await fetch(base + urlPath);
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${urlPath} answered ${response.status}: cannot benchmark it.`);
      const pathname = new URL(urlPath, base).pathname; // nginx ignores the query string for files
      const isHtml = (response.headers.get("content-type") ?? "").startsWith("text/html");
      const file = path.join(siteDir, isHtml ? path.join(pathname, "index.html") : pathname);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      fs.writeFileSync(file, body, { mode: 0o644 });
    }
  }
}

function nginxConfig(dir: string, siteDir: string): string {
  return `daemon off;
master_process on;
worker_processes ${THREADS};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${siteDir};
    location /api/v1/ { default_type application/json; }
    location / { try_files $uri $uri/index.html =404; }
  }
}
`;
}

async function startNginx(nginx: string, dir: string, siteDir: string): Promise<() => Promise<void>> {
  const config = path.join(dir, "nginx.conf");
  fs.writeFileSync(config, nginxConfig(dir, siteDir));
  const child = spawn(nginx, ["-p", `${dir}/`, "-e", `${dir}/error.log`, "-c", config], { stdio: "inherit" });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGQUIT"); // graceful: the master stops its workers
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await done;
    clearTimeout(timer);
  };
  const base = `http://127.0.0.1:${NGINX_PORT}`;
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    try {
      await (await fetch(`${base}/api/v1/areas`)).arrayBuffer();
      return stop;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  const log = fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, "utf8") : "";
  throw new Error(`nginx did not start on ${base}. ${log}`);
}

async function wardPaths(base: string): Promise<string[]> {
  const body = (await (await fetch(`${base}/api/v1/areas`)).json()) as { data: { code: string; type: string }[] };
  return body.data.filter((a) => a.type === "ward").map((a) => `/areas/${a.code}`);
}

async function main() {
  const started = performance.now();
  console.log("Looking for wrk and nginx …");
  const wrk = findOrInstall("wrk", "wrk");
  if (!wrk) throw new Error("wrk is needed to drive the load and could not be installed (apt-get install -y wrk).");
  const nginx = findOrInstall("nginx", "nginx-light");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-bench-load-"));
  fs.chmodSync(dir, 0o755); // nginx workers may run as another user when started by root
  const siteDir = path.join(dir, "site");
  fs.mkdirSync(siteDir, { mode: 0o755 });
  let server: RunningServer | null = null;
  let stopNginx: (() => Promise<void>) | null = null;
  try {
    console.log(`Starting the production server on port ${APP_PORT} (builds first only if the sources changed) …`);
    server = await startProductionServer(APP_PORT);
    console.log(`  up after ${secondsSince(started)}`);
    const wards = await wardPaths(server.base);
    const targets: Target[] = [
      { name: `ward pages (${wards.length} rotated)`, paths: wards },
      { name: "API observations", paths: ["/api/v1/observations?indicator=belonging&period=2025"] },
      { name: "API areas", paths: ["/api/v1/areas"] },
      { name: "map image (PNG)", paths: ["/api/v1/images/map.png?indicator=belonging"] },
    ];
    console.log("Fetching every target once (warm-up, and the static copy for nginx) …");
    await saveStaticCopy(server.base, targets, siteDir);

    const app = new Map<string, WrkResult>();
    for (const target of targets) {
      console.log(`  app: ${target.name} for ${SECONDS} s …`);
      app.set(target.name, runWrk(wrk, server.base, target, dir));
    }
    printResults(`Production server (next start) on 127.0.0.1:${APP_PORT}`, targets, app);
    await server.stop();
    server = null;

    if (!nginx) {
      console.log("\nnginx is not installed and could not be installed: no static comparison.");
      return;
    }
    console.log(`\nStarting nginx on 127.0.0.1:${NGINX_PORT} with the saved responses …`);
    stopNginx = await startNginx(nginx, dir, siteDir);
    const nginxResults = new Map<string, WrkResult>();
    for (const target of targets) {
      console.log(`  nginx: ${target.name} for ${SECONDS} s …`);
      nginxResults.set(target.name, runWrk(wrk, `http://127.0.0.1:${NGINX_PORT}`, target, dir));
    }
    printResults(`nginx serving static copies of the same responses on 127.0.0.1:${NGINX_PORT}`, targets, nginxResults);

    console.log("\nApp compared with nginx (req/s: app as a share of nginx; p50: how many times slower)");
    console.log(
      formatTable(
        ["target", "app req/s", "nginx req/s", "app/nginx req/s", "p50 app/nginx"],
        targets.map((t) => {
          const a = app.get(t.name)!;
          const n = nginxResults.get(t.name)!;
          return [
            t.name,
            fmt(a.requestsPerSecond),
            fmt(n.requestsPerSecond),
            `${fmt((100 * a.requestsPerSecond) / n.requestsPerSecond, 2)} %`,
            `${fmt(a.p50Ms / n.p50Ms, 0)}×`,
          ];
        }),
      ),
    );
    console.log(
      `\nDone in ${secondsSince(started)}. Load average now ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}` + ` on ${os.cpus().length} CPUs (wrk, the server and anything else on the machine share them).`,
    );
  } finally {
    if (server) await server.stop();
    if (stopNginx) await stopNginx();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

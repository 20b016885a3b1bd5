// npm run bench:load — how much traffic the production server takes on this machine, and how that
// compares with nginx serving a static copy of the same responses.
//
// 1. Starts the production server (as `npm start` does) on BENCH_PORT (default 3810).
// 2. Drives it over loopback with wrk (10 connections, BENCH_SECONDS per target, default 10 s):
//    the home page, the 22 ward pages in rotation, API JSON, a CSV download, the boundaries and the
//    map image, each twice: as wrk asks by default (no Accept-Encoding: the bytes as they are) and as a
//    browser asks (Accept-Encoding: gzip, deflate, br, zstd). Prints requests/s, p50/p99 latency,
//    bytes per response (headers included) and errors per target.
// 3. Saves each response once as a file, with brotli (.br, quality 11) and gzip (.gz) copies of those that
//    compress, and serves them with nginx on BENCH_NGINX_PORT (default 3811; own config, temp prefix, no
//    daemon; gzip_static, and brotli_static when Debian's module is there), drives it the same way, prints
//    the same figures and the ratio app / nginx. Without nginx the app's figures are still printed.
// wrk, nginx and nginx's brotli module come from Debian; they are installed with apt-get when missing (as root).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compressForKeeping, isCompressible } from "../../lib/server/compression";
import { formatTable, secondsSince, startProductionServer, type RunningServer } from "./support";

const APP_PORT = Number(process.env.BENCH_PORT ?? 3810);
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 3811);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const THREADS = Math.max(1, Math.min(2, os.cpus().length));
const OUTPUT_DIR = "var/bench";

interface Target {
  name: string;
  paths: string[];
}

/** How the client asks: as wrk does by default, and as a browser does. */
interface Encoding {
  name: string;
  acceptEncoding: string | null;
}
const ENCODINGS: readonly Encoding[] = [
  { name: "none", acceptEncoding: null },
  { name: "browser", acceptEncoding: "gzip, deflate, br, zstd" },
];

/** One wrk run: a target asked for in one way. */
interface Run {
  target: Target;
  encoding: Encoding;
}
const runName = (run: Run) => `${run.target.name} | ${run.encoding.name}`;

const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Bytes read per response, headers included. */
  bytesPerResponse: number;
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

/** Installs a Debian package when we are root; true when it is installed now. */
function installPackage(debianPackage: string): boolean {
  if (process.getuid?.() !== 0) return false;
  console.log(`  apt-get install -y ${debianPackage} …`);
  return (
    spawnSync("apt-get", ["install", "-y", "-q", debianPackage], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 300_000,
    }).status === 0
  );
}

/** A wrk Lua script that rotates through the paths and prints its summary as one JSON line. */
function wrkScript(paths: readonly string[], acceptEncoding: string | null): string {
  const list = paths.map((p) => JSON.stringify(p)).join(", ");
  const headers = acceptEncoding ? `{ ["Accept-Encoding"] = ${JSON.stringify(acceptEncoding)} }` : "nil";
  return `local paths = { ${list} }
local headers = ${headers}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

function runWrk(wrk: string, base: string, { target, encoding }: Run, scriptDir: string): WrkResult {
  const script = path.join(scriptDir, `${target.name.replace(/[^a-z0-9]+/gi, "-")}-${encoding.name}.lua`);
  fs.writeFileSync(script, wrkScript(target.paths, encoding.acceptEncoding));
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
    bytesPerResponse: num("requests") > 0 ? num("bytes") / num("requests") : Number.NaN,
    errors: kinds.reduce((sum, k) => sum + num(k), 0),
    errorDetail: kinds.map((k) => `${k} ${num(k)}`).join(", "),
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

function printResults(title: string, runs: readonly Run[], results: ReadonlyMap<string, WrkResult>) {
  console.log(`\n${title} (${CONNECTIONS} connections, ${SECONDS} s per target, ${THREADS} wrk threads)`);
  console.log(
    formatTable(
      ["target", "Accept-Encoding", "requests", "req/s", "p50 ms", "p99 ms", "kB/response", "errors"],
      runs.map((run) => {
        const r = results.get(runName(run));
        if (!r) return [run.target.name, run.encoding.name, "–", "–", "–", "–", "–", "not run"];
        return [
          run.target.name,
          run.encoding.name,
          String(r.requests),
          fmt(r.requestsPerSecond),
          fmt(r.p50Ms, 2),
          fmt(r.p99Ms, 2),
          fmt(r.bytesPerResponse / 1000),
          r.errors ? `${r.errors} (${r.errorDetail})` : "0",
        ];
      }),
      2,
    ),
  );
}

/**
 * Fetches every path once (which also warms the server) and saves each body where nginx will look for it,
 * with .br and .gz copies of those that compress, made as the front cache makes the ones it keeps.
 */
async function saveStaticCopy(base: string, targets: readonly Target[], siteDir: string): Promise<void> {
  for (const target of targets) {
    for (const urlPath of target.paths) {
      const response = await fetch(base + urlPath);
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${urlPath} answered ${response.status}: cannot benchmark it.`);
      const pathname = new URL(urlPath, base).pathname; // nginx ignores the query string for files
      const contentType = response.headers.get("content-type") ?? "";
      const file = path.join(
        siteDir,
        contentType.startsWith("text/html") ? path.join(pathname, "index.html") : pathname,
      );
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      fs.writeFileSync(file, body, { mode: 0o644 });
      // fetch() has decoded the body already: only its type and Cache-Control say whether it compresses.
      const representation = {
        "content-type": contentType,
        "cache-control": response.headers.get("cache-control") ?? "",
      };
      if (!isCompressible(representation)) continue;
      const encoded = await compressForKeeping(body);
      if (encoded.br) fs.writeFileSync(`${file}.br`, encoded.br, { mode: 0o644 });
      if (encoded.gzip) fs.writeFileSync(`${file}.gz`, encoded.gzip, { mode: 0o644 });
    }
  }
}

function nginxConfig(dir: string, siteDir: string, brotli: boolean): string {
  return `${brotli ? `load_module ${BROTLI_MODULE};\n` : ""}daemon off;
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
  gzip_static on;
  ${brotli ? "brotli_static on;" : ""}
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

async function startNginx(nginx: string, dir: string, siteDir: string, brotli: boolean): Promise<() => Promise<void>> {
  const config = path.join(dir, "nginx.conf");
  fs.writeFileSync(config, nginxConfig(dir, siteDir, brotli));
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
      { name: "home page", paths: ["/"] },
      { name: `ward pages (${wards.length} rotated)`, paths: wards },
      { name: "API observations", paths: ["/api/v1/observations?indicator=belonging&period=2025"] },
      { name: "API areas", paths: ["/api/v1/areas"] },
      { name: "CSV download", paths: ["/api/v1/indicators/belonging/observations?format=csv"] },
      { name: "boundaries (TopoJSON)", paths: ["/api/v1/boundaries/E06000031"] },
      { name: "map image (PNG)", paths: ["/api/v1/images/map.png?indicator=belonging"] },
    ];
    const runs: Run[] = targets.flatMap((target) => ENCODINGS.map((encoding) => ({ target, encoding })));
    console.log("Fetching every target once (warm-up, and the static copy for nginx) …");
    await saveStaticCopy(server.base, targets, siteDir);

    const app = new Map<string, WrkResult>();
    for (const run of runs) {
      console.log(`  app: ${runName(run)} for ${SECONDS} s …`);
      app.set(runName(run), runWrk(wrk, server.base, run, dir));
    }
    printResults(`Production server (npm start) on 127.0.0.1:${APP_PORT}`, runs, app);
    await server.stop();
    server = null;

    const nginxResults = new Map<string, WrkResult>();
    if (!nginx) {
      console.log("\nnginx is not installed and could not be installed: no static comparison.");
    } else {
      const brotli =
        fs.existsSync(BROTLI_MODULE) ||
        (installPackage("libnginx-mod-http-brotli-static") && fs.existsSync(BROTLI_MODULE));
      console.log(
        `\nStarting nginx on 127.0.0.1:${NGINX_PORT} with the saved responses (gzip_static` +
          `${brotli ? ", brotli_static" : "; no brotli module, so browsers get gzip"}) …`,
      );
      stopNginx = await startNginx(nginx, dir, siteDir, brotli);
      for (const run of runs) {
        console.log(`  nginx: ${runName(run)} for ${SECONDS} s …`);
        nginxResults.set(runName(run), runWrk(wrk, `http://127.0.0.1:${NGINX_PORT}`, run, dir));
      }
      printResults(`nginx serving static copies of the same responses on 127.0.0.1:${NGINX_PORT}`, runs, nginxResults);

      console.log("\nApp compared with nginx (req/s: app as a share of nginx; p50: how many times slower)");
      console.log(
        formatTable(
          ["target", "Accept-Encoding", "app req/s", "nginx req/s", "app/nginx req/s", "p50 app/nginx"],
          runs.map((run) => {
            const a = app.get(runName(run))!;
            const n = nginxResults.get(runName(run))!;
            return [
              run.target.name,
              run.encoding.name,
              fmt(a.requestsPerSecond),
              fmt(n.requestsPerSecond),
              `${fmt((100 * a.requestsPerSecond) / n.requestsPerSecond, 2)} %`,
              `${fmt(a.p50Ms / n.p50Ms, 0)}×`,
            ];
          }),
          2,
        ),
      );
    }
    const loadAverage = os.loadavg();
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = path.join(OUTPUT_DIR, `load-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const record = (results: ReadonlyMap<string, WrkResult>) =>
      runs.map((run) => ({
        target: run.target.name,
        acceptEncoding: run.encoding.acceptEncoding,
        ...results.get(runName(run)),
      }));
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim(),
          connections: CONNECTIONS,
          secondsPerTarget: SECONDS,
          machine: { cpus: os.cpus().length, loadAverage },
          app: record(app),
          nginx: nginx ? record(nginxResults) : null,
        },
        null,
        2,
      ),
    );
    console.log(`\nFull figures: ${file}`);
    console.log(
      `\nDone in ${secondsSince(started)}. Load average now ${loadAverage.map((l) => l.toFixed(1)).join(" ")}` +
        ` on ${os.cpus().length} CPUs (wrk, the server and anything else on the machine share them).`,
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

// npm run bench:scale — does Civic Pulse hold up with England-sized data?
//
// Generates a synthetic England into its own SQLite database (BENCH_SCALE_DB, default
// var/bench-scale.db, recreated each run; DATABASE_URL is set for the child processes only):
// 300 local authorities of 24 square wards each (7,200 wards on a grid over England's extent, in
// British National Grid metres), 40 indicators and 10 periods: 2,880,000 observations. Everything
// goes in through the importer, in the documented file formats:
//   - the authorities: one `npm run import -- boundaries` (timed);
//   - the wards: one boundaries file per authority (the importer takes one --parent per file). The
//     first is timed through `npm run import`; all 300 are then imported by runImport(), the code
//     the CLI calls, in one child process, so 300 Node start-ups do not swamp the figure;
//   - the figures: one `npm run import -- indicators` with a metadata file (timed).
// Then it starts the production server against that database on BENCH_PORT (default 3820), with
// CIVIC_PULSE_HOME_AREA set to one of the generated authorities, and times page renders and API
// calls: the first (cold) request separately, then the median and 95th percentile of
// BENCH_REPEATS (default 20) more, each the time to the response's last byte on loopback.
//
// --engine sqlite (default) | pg | both: with pg, the same dataset is copied (npm run db:copy, timed)
// into a throw-away local PostgreSQL server (scripts/db/local-postgres.ts, removed afterwards) and
// the same requests are timed against a server on it; `both` prints the two engines side by side.
// --reuse keeps var/bench-scale.db from an earlier complete run (skips generating and importing).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startLocalPostgres, type LocalPostgres } from "../db/local-postgres";
import { copySqliteToPostgres } from "../db/copy-to-postgres";
import {
  formatTable,
  median,
  percentile,
  secondsSince,
  startProductionServer,
  timedGet,
  type RunningServer,
} from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3820);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);
const BUDGET_MS = 30_000; // per request kind, after at least 3 repeats
const REQUEST_TIMEOUT_MS = 90_000; // a request that takes longer is abandoned and shown as status 0
const DATABASE_FILE = path.resolve(process.env.BENCH_SCALE_DB ?? "var/bench-scale.db");

// The synthetic geography: authorities in a 20 × 15 grid, each split into 6 × 4 wards.
const LA_COLUMNS = 20;
const LA_ROWS = 15;
const WARD_COLUMNS = 6;
const WARD_ROWS = 4;
const WARD_WIDTH_M = 4_000;
const WARD_HEIGHT_M = 10_000;
const ORIGIN_EASTING = 150_000; // England runs from about 130 km to 660 km east…
const ORIGIN_NORTHING = 20_000; // …and from about 10 km to 660 km north of the grid's origin.
const REGION = "E12000006"; // in the demo seed; the authorities need a region as parent
const INDICATORS = 40;
const PERIODS = Array.from({ length: 10 }, (_, i) => String(2016 + i));
const DOMAINS = ["everyday", "participation", "drivers", "assets", "context"] as const;

const laCode = (la: number) => `E069${String(la + 1).padStart(5, "0")}`;
const wardCode = (la: number, ward: number) =>
  `E059${String(la * WARD_COLUMNS * WARD_ROWS + ward + 1).padStart(5, "0")}`;
const indicatorSlug = (i: number) => `scale-indicator-${String(i + 1).padStart(2, "0")}`;

type Ring = [number, number][];

/** A closed, anticlockwise rectangle ring in grid metres. */
function rectangle(west: number, south: number, width: number, height: number): Ring {
  return [
    [west, south],
    [west + width, south],
    [west + width, south + height],
    [west, south + height],
    [west, south],
  ];
}

function laOrigin(la: number): [number, number] {
  const column = la % LA_COLUMNS;
  const row = Math.floor(la / LA_COLUMNS);
  return [ORIGIN_EASTING + column * WARD_COLUMNS * WARD_WIDTH_M, ORIGIN_NORTHING + row * WARD_ROWS * WARD_HEIGHT_M];
}

function featureCollection(features: { code: string; name: string; population: number; ring: Ring }[]): string {
  return JSON.stringify({
    type: "FeatureCollection",
    crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::27700" } },
    features: features.map((f) => ({
      type: "Feature",
      properties: { code: f.code, name: f.name, population: f.population },
      geometry: { type: "Polygon", coordinates: [f.ring] },
    })),
  });
}

const wardsPerLa = WARD_COLUMNS * WARD_ROWS;
const wardPopulation = (la: number, ward: number) => 4_000 + ((la * 7919 + ward * 104_729) % 9_000);

function writeBoundaryFiles(dir: string): { laFile: string; wardFiles: string[] } {
  const las = Array.from({ length: LA_COLUMNS * LA_ROWS }, (_, la) => {
    const [west, south] = laOrigin(la);
    let population = 0;
    for (let w = 0; w < wardsPerLa; w++) population += wardPopulation(la, w);
    return {
      code: laCode(la),
      name: `Synthetic Authority ${la + 1}`,
      population,
      ring: rectangle(west, south, WARD_COLUMNS * WARD_WIDTH_M, WARD_ROWS * WARD_HEIGHT_M),
    };
  });
  const laFile = path.join(dir, "authorities.geojson");
  fs.writeFileSync(laFile, featureCollection(las));
  const wardFiles = las.map((_, la) => {
    const [west, south] = laOrigin(la);
    const wards = Array.from({ length: wardsPerLa }, (_, w) => ({
      code: wardCode(la, w),
      name: `Synthetic Authority ${la + 1} Ward ${w + 1}`,
      population: wardPopulation(la, w),
      ring: rectangle(
        west + (w % WARD_COLUMNS) * WARD_WIDTH_M,
        south + Math.floor(w / WARD_COLUMNS) * WARD_HEIGHT_M,
        WARD_WIDTH_M,
        WARD_HEIGHT_M,
      ),
    }));
    const file = path.join(dir, `wards-${laCode(la)}.geojson`);
    fs.writeFileSync(file, featureCollection(wards));
    return file;
  });
  return { laFile, wardFiles };
}

function writeMetadata(dir: string): string {
  const file = path.join(dir, "scale-indicators.json");
  const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
    slug: indicatorSlug(i),
    title: `Synthetic scale indicator ${i + 1}`,
    short_title: `Scale ${i + 1}`,
    description: "Generated by npm run bench:scale to test the dashboard with England-sized data.",
    domain: DOMAINS[i % DOMAINS.length],
    unit: "percent",
    polarity: i % 3 === 0 ? "lower-better" : "higher-better",
    sort_order: 1000 + i,
  }));
  fs.writeFileSync(file, JSON.stringify(indicators));
  return file;
}

/** The tidy CSV: every ward × indicator × period, values varying smoothly over the grid. */
async function writeObservations(dir: string): Promise<{ file: string; rows: number; bytes: number }> {
  const file = path.join(dir, "scale-observations.csv");
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await write("area_code,indicator,period,value,lower_ci,upper_ci\n");
  let rows = 0;
  let buffer = "";
  for (let la = 0; la < LA_COLUMNS * LA_ROWS; la++) {
    const [west, south] = laOrigin(la);
    for (let w = 0; w < wardsPerLa; w++) {
      const code = wardCode(la, w);
      const x = (west + (w % WARD_COLUMNS) * WARD_WIDTH_M) / 100_000;
      const y = (south + Math.floor(w / WARD_COLUMNS) * WARD_HEIGHT_M) / 100_000;
      for (let i = 0; i < INDICATORS; i++) {
        for (let p = 0; p < PERIODS.length; p++) {
          const wave = Math.sin(x * (1 + i / 10) + p / 5) * Math.cos(y * (1 + i / 13));
          const value = Math.round((50 + 35 * wave + ((la * 31 + w * 17 + i * 7 + p) % 9) - 4) * 10) / 10;
          const lower = Math.max(0, Math.round((value - 4.2) * 10) / 10);
          const upper = Math.min(100, Math.round((value + 4.2) * 10) / 10);
          buffer += `${code},${indicatorSlug(i)},${PERIODS[p]},${value},${lower},${upper}\n`;
          rows++;
        }
      }
      if (buffer.length > 1 << 16) {
        await write(buffer);
        buffer = "";
      }
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { file, rows, bytes: fs.statSync(file).size };
}

const childEnv = () => ({ ...process.env, DATABASE_URL: `file:${DATABASE_FILE}`, NEXT_TELEMETRY_DISABLED: "1" });

/** Runs `npm run import -- …` against the scale database; returns seconds. Output is shown as it comes. */
function timedImport(args: string[]): number {
  const started = performance.now();
  const result = spawnSync("npm", ["run", "--silent", "import", "--", ...args], {
    env: childEnv(),
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "inherit"], // progress (stderr) as it comes; the summary, shortened, after
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = (result.stdout ?? "").trimEnd().split("\n");
  for (const line of summary.slice(0, 4)) console.log(`  | ${line.slice(0, 160)}`);
  if (summary.length > 4) console.log(`  | … (${summary.length - 4} more lines)`);
  if (result.status !== 0) throw new Error(`npm run import -- ${args.join(" ")} failed (exit ${result.status}).`);
  return seconds;
}

/** In the child: every ward file through runImport (what the CLI calls), one after another. */
async function childImportWards(files: string[]) {
  const { runImport } = await import("@/lib/import/run-import");
  const started = performance.now();
  let written = 0;
  for (const [index, file] of files.entries()) {
    const parentCode = /wards-(E\d{8})\.geojson$/.exec(file)?.[1];
    const outcome = await runImport({
      kind: "boundaries",
      file,
      databaseFile: DATABASE_FILE,
      parentCode,
      populationField: "population",
      crs: "EPSG:27700",
      synthetic: true,
    });
    if (outcome.status === "invalid") {
      console.error(outcome.problems.items.slice(0, 5));
      process.exit(1);
    }
    if ("rowsWritten" in outcome) written += outcome.rowsWritten;
    if ((index + 1) % 50 === 0 || index === files.length - 1) {
      console.error(`    ${index + 1}/${files.length} ward files imported (${secondsSince(started)})`);
    }
  }
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, written }));
}

interface Measurement {
  label: string;
  path: string;
  status: number;
  kb: number;
  coldMs: number;
  warm: number[];
}

async function measure(base: string, label: string, urlPath: string): Promise<Measurement> {
  const cold = await timedGet(base + urlPath, REQUEST_TIMEOUT_MS);
  const warm: number[] = [];
  // Bounded: stop repeating after BUDGET_MS (at least 3 repeats, or 1 when the cold request alone
  // took longer than that) so that a slow page cannot stretch the run much past ten minutes.
  const minimum = cold.ms > BUDGET_MS ? 1 : 3;
  const budgetStart = performance.now();
  while (warm.length < REPEATS && (warm.length < minimum || performance.now() - budgetStart < BUDGET_MS)) {
    warm.push((await timedGet(base + urlPath, REQUEST_TIMEOUT_MS)).ms);
  }
  console.log(
    `  ${label}: HTTP ${cold.status}, cold ${cold.ms.toFixed(0)} ms, median ${median(warm).toFixed(0)} ms, p95 ${percentile(warm, 95).toFixed(0)} ms`,
  );
  return { label, path: urlPath, status: cold.status, kb: cold.bytes / 1024, coldMs: cold.ms, warm };
}

const ENGINES = { sqlite: ["sqlite"], pg: ["postgresql"], both: ["sqlite", "postgresql"] } as const;
type Engine = (typeof ENGINES)[keyof typeof ENGINES][number];
const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

function enginesFromArgs(args: string[]): readonly Engine[] {
  const index = args.indexOf("--engine");
  if (index === -1) return ENGINES.sqlite;
  const value = args[index + 1] as keyof typeof ENGINES | undefined;
  if (!value || !(value in ENGINES)) throw new Error(`--engine takes sqlite, pg or both (got "${value ?? ""}").`);
  return ENGINES[value];
}

/** The requests timed on each engine. */
function requestsFor(homeWard: string, otherWard: string, slug: string) {
  return [
    ["ward page", `/areas/${homeWard}`],
    ["ward page (another ward)", `/areas/${otherWard}`],
    ["explorer page", `/?indicator=${slug}`],
    ["indicator page", `/indicators/${slug}`],
    ["API observations (1 indicator, 1 period)", `/api/v1/observations?indicator=${slug}&period=2025`],
    ["API areas", "/api/v1/areas"],
    ["map image", `/api/v1/images/map.png?indicator=${slug}`],
  ] as const;
}

async function main() {
  if (process.argv[2] === "--child-wards") return childImportWards(process.argv.slice(3));
  const engines = enginesFromArgs(process.argv.slice(2));
  const started = performance.now();
  let postgres: LocalPostgres | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-bench-scale-"));
  const steps: [string, string, string][] = [];
  let server: RunningServer | null = null;
  try {
    // --reuse: keep var/bench-scale.db from an earlier complete run and go straight to the timings.
    const reuse = process.argv.includes("--reuse") && fs.existsSync(DATABASE_FILE);
    const wards = LA_COLUMNS * LA_ROWS * WARD_COLUMNS * WARD_ROWS;
    const observationRows = INDICATORS * PERIODS.length * wards;
    let t = performance.now();
    if (reuse) {
      console.log(`Scale database: ${DATABASE_FILE} (kept from an earlier run: --reuse)`);
    } else {
      console.log(`Scale database: ${DATABASE_FILE} (recreated)`);
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(DATABASE_FILE + suffix, { force: true });
      fs.mkdirSync(path.dirname(DATABASE_FILE), { recursive: true });

      console.log("[1/6] Migrating and seeding the demo data (England, its region, Peterborough) …");
      t = performance.now();
      const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/setup.ts"], {
        env: childEnv(),
        stdio: ["ignore", "inherit", "inherit"],
      });
      if (setup.status !== 0) throw new Error("Database setup failed.");
      steps.push(["migrate + seed demo data", secondsSince(t), ""]);

      console.log("[2/6] Generating the files …");
      t = performance.now();
      const { laFile, wardFiles } = writeBoundaryFiles(dir);
      const metadataFile = writeMetadata(dir);
      const observations = await writeObservations(dir);
      steps.push([
        "generate files",
        secondsSince(t),
        `${wardFiles.length} authorities, ${wards} wards, ${observations.rows.toLocaleString("en-GB")} rows (${(observations.bytes / 1e6).toFixed(0)} MB CSV)`,
      ]);
      console.log(`  ${steps.at(-1)![2]} in ${steps.at(-1)![1]}`);

      console.log("[3/6] npm run import -- boundaries (the authorities) …");
      const laSeconds = timedImport([
        "boundaries",
        laFile,
        "--type",
        "local_authority",
        "--parent",
        REGION,
        "--population-field",
        "population",
        "--synthetic",
      ]);
      steps.push(["import authorities (CLI, 1 file)", `${laSeconds.toFixed(1)} s`, `${wardFiles.length} areas`]);

      console.log(`[4/6] Importing the wards: ${wardFiles.length} files of ${wardsPerLa} …`);
      const [firstWardFile, ...otherWardFiles] = wardFiles;
      const oneCli = timedImport([
        "boundaries",
        firstWardFile!,
        "--parent",
        laCode(0),
        "--population-field",
        "population",
        "--synthetic",
      ]);
      steps.push([
        "import wards (CLI, 1 authority's file)",
        `${oneCli.toFixed(1)} s`,
        `${wardsPerLa} wards, incl. Node start-up`,
      ]);
      t = performance.now();
      const child = spawnSync(process.execPath, ["--import", "tsx", __filename, "--child-wards", ...otherWardFiles], {
        env: childEnv(),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (child.status !== 0) throw new Error("The ward import failed.");
      const wardResult = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; written: number };
      steps.push([
        `import wards (runImport, ${otherWardFiles.length} files)`,
        `${wardResult.seconds.toFixed(1)} s`,
        `${wardResult.written} areas, ${((wardResult.seconds * 1000) / otherWardFiles.length).toFixed(0)} ms a file (process ${secondsSince(t)})`,
      ]);

      console.log(`[5/6] npm run import -- indicators (${observations.rows.toLocaleString("en-GB")} rows) …`);
      const obsSeconds = timedImport(["indicators", observations.file, "--metadata", metadataFile, "--synthetic"]);
      steps.push([
        "import observations (CLI)",
        `${obsSeconds.toFixed(1)} s`,
        `${Math.round(observations.rows / obsSeconds).toLocaleString("en-GB")} rows/s incl. checks`,
      ]);
      const dbMb = fs.statSync(DATABASE_FILE).size / 1e6;
      steps.push(["database size", `${dbMb.toFixed(0)} MB`, ""]);
    }

    const homeLa = laCode(137); // mid-England on the grid
    const requests = requestsFor(wardCode(137, 7), wardCode(250, 3), indicatorSlug(0));
    const measured = new Map<Engine, Measurement[]>();
    for (const engine of engines) {
      let databaseUrl = `file:${DATABASE_FILE}`;
      if (engine === "postgresql") {
        console.log("[6/6] PostgreSQL: a throw-away local server, and the same data copied in (npm run db:copy) …");
        postgres = await startLocalPostgres({ database: "civic_pulse_bench_scale" });
        t = performance.now();
        await copySqliteToPostgres(databaseUrl, postgres.url);
        const seconds = (performance.now() - t) / 1000;
        const rows = observationRows;
        steps.push([
          "copy into PostgreSQL (db:copy)",
          `${seconds.toFixed(1)} s`,
          `${Math.round(rows / seconds).toLocaleString("en-GB")} observation rows/s overall`,
        ]);
        databaseUrl = postgres.url;
      }
      console.log(
        `[6/6] ${ENGINE_NAMES[engine]}: starting the production server on port ${PORT} (home area ${homeLa}) …`,
      );
      t = performance.now();
      server = await startProductionServer(PORT, { DATABASE_URL: databaseUrl, CIVIC_PULSE_HOME_AREA: homeLa });
      steps.push([`server start on ${ENGINE_NAMES[engine]} (no rebuild)`, secondsSince(t), ""]);
      const measurements: Measurement[] = [];
      for (const [label, urlPath] of requests) measurements.push(await measure(server.base, label, urlPath));
      measured.set(engine, measurements);
      await server.stop();
      server = null;
      if (postgres) {
        await postgres.stop();
        postgres = null;
      }
    }

    console.log("\nSetup and import");
    console.log(formatTable(["step", "time", "notes"], steps));
    console.log(
      `\nRequests against ${wards} wards × ${INDICATORS} indicators × ${PERIODS.length} periods (one at a time; ms to the last byte on loopback)`,
    );
    const short = { sqlite: "sqlite", postgresql: "pg" } as const;
    console.log(
      formatTable(
        [
          "request",
          "path",
          "status",
          "kB",
          ...engines.flatMap((e) => [`${short[e]} cold`, `${short[e]} median`, `${short[e]} p95`]),
        ],
        requests.map(([label, urlPath], i) => {
          const first = measured.get(engines[0]!)![i]!;
          return [
            label,
            urlPath,
            engines.map((e) => measured.get(e)![i]!.status).join("/"),
            first.kb.toFixed(0),
            ...engines.flatMap((e) => {
              const m = measured.get(e)![i]!;
              return [m.coldMs.toFixed(0), median(m.warm).toFixed(0), percentile(m.warm, 95).toFixed(0)];
            }),
          ];
        }),
        2,
      ),
    );
    const counts = engines
      .map((e) =>
        measured
          .get(e)!
          .map((m) => m.warm.length)
          .join("/"),
      )
      .join("; ");
    console.log(
      `(median and 95th percentile of ${counts} requests after the first, fewer if a kind took over ${BUDGET_MS / 1000} s;` +
        ` load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}; the database is kept at ${DATABASE_FILE})`,
    );
    console.log(`\nDone in ${secondsSince(started)}.`);
  } finally {
    if (server) await server.stop();
    if (postgres) await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

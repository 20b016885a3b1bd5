// npm run bench:import [-- <rows>]   (default 1,000,000)
// Generates a tidy indicators CSV of <rows> figures into a temporary folder, with a temporary
// SQLite database migrated and seeded with the demo areas and indicators (so codes validate),
// then times the import in a child process of its own so that its peak memory is the import's
// alone: a --dry-run (checking only), the real import (checking + writing), and a re-run of the
// same file (which must change nothing). Prints rows per second and peak RSS for each.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const INDICATORS = 10;
const GROUPS = 40;

interface ChildResult {
  status: string;
  seconds: number;
  maxRssMb: number;
  rowsRead: number;
  rowsWritten: number;
}

/** Months from 2000-01 on: as many periods as the row count needs. */
function periodName(index: number): string {
  return `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

async function writeFile(file: string, rows: number, areas: readonly string[]): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await write("area_code,indicator,period,group,value,lower_ci,upper_ci,numerator,denominator,sample_size\n");
  const perPeriod = INDICATORS * areas.length * GROUPS;
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const period = periodName(Math.floor(i / perPeriod));
    const rest = i % perPeriod;
    const indicator = `bench-indicator-${Math.floor(rest / (areas.length * GROUPS)) + 1}`;
    const area = areas[Math.floor(rest / GROUPS) % areas.length]!;
    const group = `band:${String(rest % GROUPS).padStart(2, "0")}`;
    const denominator = 200 + (i % 300);
    const numerator = (i * 7919) % denominator;
    const value = Math.round((numerator / denominator) * 10000) / 100;
    const half = Math.round((100 / Math.sqrt(denominator)) * 100) / 100;
    const lower = Math.max(0, Math.round((value - half) * 100) / 100);
    const upper = Math.min(100, Math.round((value + half) * 100) / 100);
    buffer += `${area},${indicator},${period},${group},${value},${lower},${upper},${numerator},${denominator},${denominator}\n`;
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function metadata(): string {
  return JSON.stringify(
    Array.from({ length: INDICATORS }, (_, i) => ({
      slug: `bench-indicator-${i + 1}`,
      title: `Benchmark indicator ${i + 1}`,
      description: "Generated for the import benchmark.",
      domain: "context",
      unit: "percent",
      polarity: "neither",
    })),
  );
}

/** In the child: one import, timed, printed as JSON on the last line. */
async function child(mode: string, file: string, metadataFile: string, databaseFile: string) {
  const { runImport } = await import("@/lib/import/run-import");
  const started = performance.now();
  const outcome = await runImport({
    kind: "indicators",
    file,
    metadataFile,
    databaseFile,
    dryRun: mode === "dry-run",
  });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status === "invalid") {
    console.error(outcome.problems.items.slice(0, 5));
    process.exit(1);
  }
  const result: ChildResult = {
    status: outcome.status,
    seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rowsRead: "rowsRead" in outcome ? outcome.rowsRead : 0,
    rowsWritten: "rowsWritten" in outcome ? outcome.rowsWritten : 0,
  };
  console.log(JSON.stringify(result));
}

function runChild(mode: string, file: string, metadataFile: string, databaseFile: string): ChildResult {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", __filename, "--child", mode, file, metadataFile, databaseFile],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`The ${mode} run failed (exit ${result.status}).`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as ChildResult;
}

async function main() {
  const rows = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error("Give the number of rows as a positive whole number.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-bench-import-"));
  try {
    const databaseFile = path.join(dir, "bench.db");
    const { applyMigrations } = await import("@/lib/db/schema-engine");
    const { createDb } = await import("@/lib/db/client");
    const { seedDemoDatabase } = await import("@/lib/demo-data/seed-demo");
    await applyMigrations(databaseFile);
    const db = createDb(`file:${databaseFile}`);
    let areas: string[];
    try {
      await seedDemoDatabase(db);
      areas = (await db.area.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((a) => a.code);
    } finally {
      await db.$disconnect();
    }

    const file = path.join(dir, "bench-figures.csv");
    const metadataFile = path.join(dir, "bench-indicators.json");
    fs.writeFileSync(metadataFile, metadata());
    const generated = performance.now();
    await writeFile(file, rows, areas);
    const megabytes = fs.statSync(file).size / 1e6;
    console.log(
      `Generated ${rows.toLocaleString("en-GB")} rows (${megabytes.toFixed(1)} MB) in ${((performance.now() - generated) / 1000).toFixed(1)} s; ` +
        `${os.cpus().length} CPU(s), Node ${process.version}.`,
    );

    for (const [label, mode] of [
      ["check only (--dry-run)", "dry-run"],
      ["import (check + write)", "import"],
      ["same file again", "import"],
    ] as const) {
      const result = runChild(mode, file, metadataFile, databaseFile);
      const rate = Math.round(rows / result.seconds).toLocaleString("en-GB");
      console.log(
        `${label.padEnd(24)} ${result.status.padEnd(10)} ${result.seconds.toFixed(2).padStart(7)} s  ` +
          `${rate.padStart(10)} rows/s  peak RSS ${result.maxRssMb.toFixed(0)} MB`,
      );
    }
    const size = fs.statSync(databaseFile).size / 1e6;
    console.log(`Database after the import: ${size.toFixed(0)} MB.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const [, , , mode, file, metadataFile, databaseFile] = process.argv;
  child(mode!, file!, metadataFile!, databaseFile!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

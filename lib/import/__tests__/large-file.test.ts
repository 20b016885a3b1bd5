// A 50 MB indicators file, generated here (never committed), is checked with bounded memory: the
// file is streamed, so the checking process stays far below what holding the file and its rows
// would take. The check runs in a child process so that its peak RSS is its own. One bad row
// near the end must be found, with its line number.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { seededTemplate, sha256OfFile, type TestDatabases } from "./helpers";

const TARGET_BYTES = 50 * 1024 * 1024;
/** Node with tsx loaded idles at about 100 MB; holding the file as rows would need over 500 MB. */
const RSS_LIMIT_MB = 300;

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

const WARDS = Array.from({ length: 22 }, (_, i) => `E050108${String(5 + i).padStart(2, "0")}`);

/** Writes rows until the file reaches the target size; returns the line of the one bad row. */
function generate(file: string): { rows: number; badLine: number } {
  const fd = fs.openSync(file, "w");
  let bytes = 0;
  let rows = 0;
  let line = 1;
  let badLine = 0;
  const write = (text: string) => {
    fs.writeSync(fd, text);
    bytes += Buffer.byteLength(text);
  };
  write("area_code,indicator,period,group,value,lower_ci,upper_ci,numerator,denominator,sample_size\n");
  let buffer = "";
  while (bytes + buffer.length < TARGET_BYTES) {
    const period = `${2000 + Math.floor(rows / (WARDS.length * 400 * 12))}-${String((Math.floor(rows / (WARDS.length * 400)) % 12) + 1).padStart(2, "0")}`;
    const ward = WARDS[rows % WARDS.length]!;
    const group = `band:${Math.floor(rows / WARDS.length) % 400}`;
    const denominator = 300 + (rows % 700);
    const numerator = (rows * 7919) % denominator;
    const value = ((numerator / denominator) * 100).toFixed(2);
    line++;
    // One impossible interval, about 98 % of the way through the file.
    const bad = badLine === 0 && bytes > TARGET_BYTES * 0.98;
    if (bad) badLine = line;
    buffer += `${ward},large-file-test,${period},${group},${value},${bad ? "99.99" : "0"},100,${numerator},${denominator},${denominator}\n`;
    rows++;
    if (buffer.length > 1 << 16) {
      write(buffer);
      buffer = "";
    }
  }
  write(buffer);
  fs.closeSync(fd);
  return { rows, badLine };
}

test("a 50 MB file is checked with bounded memory, and its one bad row is found by line", (t) => {
  const databaseFile = dbs.copy();
  const file = path.join(dbs.dir, "large.csv");
  const metadataFile = path.join(dbs.dir, "large-metadata.json");
  fs.writeFileSync(
    metadataFile,
    JSON.stringify([
      {
        slug: "large-file-test",
        title: "Large file test",
        description: "d",
        domain: "context",
        unit: "percent",
        polarity: "neither",
      },
    ]),
  );
  const { rows, badLine } = generate(file);
  const size = fs.statSync(file).size;
  assert.ok(size >= TARGET_BYTES && size < TARGET_BYTES * 1.01);
  const before = sha256OfFile(databaseFile);

  const script = `
    const { runImport } = require("./lib/import/run-import.ts");
    runImport({ kind: "indicators", file: ${JSON.stringify(file)}, metadataFile: ${JSON.stringify(metadataFile)},
                databaseFile: ${JSON.stringify(databaseFile)}, dryRun: true }).then((outcome) => {
      console.log(JSON.stringify({
        status: outcome.status,
        problems: outcome.status === "invalid" ? outcome.problems.items : [],
        total: outcome.status === "invalid" ? outcome.problems.total : 0,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      }));
    });`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    encoding: "utf8",
    cwd: process.cwd(),
  });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(child.status, 0, child.stderr);
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
    status: string;
    problems: { line: number; column: string; message: string }[];
    total: number;
    maxRssMb: number;
  };
  t.diagnostic(
    `${(size / 1024 / 1024).toFixed(1)} MB, ${rows.toLocaleString("en-GB")} rows checked in ${seconds.toFixed(1)} s; ` +
      `peak RSS of the checking process ${result.maxRssMb.toFixed(0)} MB`,
  );
  assert.equal(result.status, "invalid");
  assert.equal(result.total, 1);
  assert.deepEqual([result.problems[0]!.line, result.problems[0]!.column], [badLine, "lower_ci"]);
  assert.match(result.problems[0]!.message, /The lower limit \(99\.99\) is above the value/);
  assert.ok(result.maxRssMb < RSS_LIMIT_MB, `peak RSS ${result.maxRssMb} MB`);
  assert.equal(sha256OfFile(databaseFile), before);
});

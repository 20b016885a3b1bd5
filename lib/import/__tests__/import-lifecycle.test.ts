// Imports against a real SQLite file: the documented examples, idempotency (same file twice
// changes not a byte), replacement by a corrected file, the import record, and the rule that
// nothing an import does touches the demo seed's rows.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describeHistory } from "@/lib/import/report";
import { runImport, type ImportOutcome } from "@/lib/import/run-import";
import { listBatches, openDatabase } from "@/lib/import/store";
import {
  demoRowsDigest,
  example,
  fixture,
  query,
  seededTemplate,
  sha256OfFile,
  writeFile,
  type TestDatabases,
  reseedDemo,
} from "./helpers";

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

/** The outcome variant whose status can be S ("imported" and "replaced" share one). */
type OutcomeOf<S> = ImportOutcome extends infer O
  ? O extends { status: infer T }
    ? S extends T
      ? O
      : never
    : never
  : never;

function expectStatus<S extends ImportOutcome["status"]>(outcome: ImportOutcome, status: S): OutcomeOf<S> {
  if (outcome.status === "invalid") {
    assert.fail(`import refused: ${outcome.problems.items.map((p) => p.message).join(" | ")}`);
  }
  assert.equal(outcome.status, status);
  return outcome as OutcomeOf<S>;
}

const HEADER = "area_code,indicator,period,value,lower_ci,upper_ci,numerator,denominator,sample_size,group\n";

test("every example in docs/examples imports cleanly, in the order the guide gives", async () => {
  const databaseFile = dbs.copy();
  const demoBefore = demoRowsDigest(databaseFile);
  expectStatus(
    await runImport({
      kind: "indicators",
      file: example("indicators.csv"),
      metadataFile: example("indicators-metadata.json"),
      databaseFile,
    }),
    "imported",
  );
  expectStatus(
    await runImport({
      kind: "boundaries",
      file: example("boundaries-local-authority.geojson"),
      areaType: "local_authority",
      parentCode: "E12000006",
      populationField: "population",
      databaseFile,
    }),
    "imported",
  );
  expectStatus(
    await runImport({
      kind: "boundaries",
      file: example("boundaries-wards-bng.geojson"),
      parentCode: "E06999901",
      populationField: "population",
      databaseFile,
    }),
    "imported",
  );
  expectStatus(await runImport({ kind: "assets", file: example("assets.csv"), databaseFile }), "imported");
  expectStatus(
    await runImport({
      kind: "survey",
      file: example("survey-responses.csv"),
      mappingFile: example("survey-mapping.json"),
      metadataFile: example("survey-metadata.json"),
      databaseFile,
    }),
    "imported",
  );

  // The indicator file's rows, exactly (counted from the file itself).
  const lines = fs.readFileSync(example("indicators.csv"), "utf8").trim().split("\n").slice(1);
  const stored = query<{ n: number }>(
    databaseFile,
    "SELECT COUNT(*) AS n FROM Observation WHERE indicatorSlug IN ('library-membership', 'food-bank-referrals')",
  )[0]!.n;
  assert.equal(stored, lines.length);
  const suppressed = query<{ value: number | null; suppressed: number }>(
    databaseFile,
    "SELECT value, suppressed FROM Observation WHERE indicatorSlug = 'library-membership' AND areaCode = 'E05010806' AND period = '2025'",
  );
  assert.deepEqual(suppressed, [{ value: null, suppressed: 1 }]);
  const indicator = query<{ unit: string; domain: string; polarity: string; sourceId: string }>(
    databaseFile,
    "SELECT unit, domain, polarity, sourceId FROM Indicator WHERE slug = 'food-bank-referrals'",
  );
  assert.deepEqual(indicator, [
    { unit: "per1000", domain: "context", polarity: "lower-better", sourceId: "import-indicators-indicators" },
  ]);

  // A new local authority with its two wards, stored in WGS84 around 52.4°N 0.1°E.
  const areas = query<{ code: string; type: string; parentCode: string; population: number; geometry: string }>(
    databaseFile,
    "SELECT code, type, parentCode, population, geometry FROM Area WHERE code IN ('E06999901', 'E05999901', 'E05999902') ORDER BY code",
  );
  assert.deepEqual(
    areas.map((a) => [a.code, a.type, a.parentCode, a.population]),
    [
      ["E05999901", "ward", "E06999901", 6120],
      ["E05999902", "ward", "E06999901", 5480],
      ["E06999901", "local_authority", "E12000006", 11600],
    ],
  );
  for (const area of areas) {
    const [lon, lat] = (JSON.parse(area.geometry) as { coordinates: number[][][] }).coordinates[0]![0]!;
    assert.ok(lon! > 0.05 && lon! < 0.15 && lat! > 52.39 && lat! < 52.44, `${area.code} at ${lon}, ${lat}`);
  }

  // Each example asset was placed at a demo ward's ONS label point, listed in ward-code order.
  const assets = query<{ areaCode: string; id: string }>(
    databaseFile,
    "SELECT areaCode, id FROM Asset WHERE sourceId = 'import-assets-assets' ORDER BY areaCode",
  );
  assert.deepEqual(
    assets.map((a) => a.areaCode),
    ["E05010805", "E05010806", "E05010807", "E05010808", "E05010809"],
  );
  assert.ok(assets.some((a) => a.id === "import-assets-assets:LIB-01"));

  assert.equal(demoRowsDigest(databaseFile), demoBefore, "the demo rows changed");
  assert.equal(query(databaseFile, "SELECT id FROM ImportBatch").length, 5);
});

test("importing the same file twice changes nothing: not a byte of the database", async () => {
  const databaseFile = dbs.copy();
  const file = example("indicators.csv");
  const metadataFile = example("indicators-metadata.json");
  const first = expectStatus(await runImport({ kind: "indicators", file, metadataFile, databaseFile }), "imported");
  const afterFirst = sha256OfFile(databaseFile);
  const second = expectStatus(await runImport({ kind: "indicators", file, metadataFile, databaseFile }), "unchanged");
  assert.equal(second.previous.id, first.batchId);
  assert.equal(sha256OfFile(databaseFile), afterFirst);
  // A dry run of a new file writes nothing either.
  const other = writeFile(dbs.dir, "dry.csv", `${HEADER}E05010805,library-membership,2026,35,,,,,,all\n`);
  const dry = expectStatus(await runImport({ kind: "indicators", file: other, databaseFile, dryRun: true }), "checked");
  assert.equal(dry.rowsRead, 1);
  assert.equal(sha256OfFile(databaseFile), afterFirst);
});

test("a corrected file replaces the earlier rows of its source, and only those", async () => {
  const databaseFile = dbs.copy();
  const folder = fs.mkdtempSync(path.join(dbs.dir, "v"));
  const file = path.join(folder, "ward-figures.csv");
  const metadataFile = example("indicators-metadata.json");
  fs.writeFileSync(
    file,
    HEADER +
      "E05010805,library-membership,2026,30,,,,,,all\n" +
      "E05010806,library-membership,2026,20,,,,,,all\n" +
      "E05010807,library-membership,2026,10,,,,,,all\n",
  );
  expectStatus(await runImport({ kind: "indicators", file, metadataFile, databaseFile }), "imported");
  // Another import's rows, which the correction must leave alone.
  const neighbour = writeFile(dbs.dir, "neighbour.csv", `${HEADER}E05010808,library-membership,2026,40,,,,,,all\n`);
  expectStatus(await runImport({ kind: "indicators", file: neighbour, databaseFile }), "imported");
  const demoBefore = demoRowsDigest(databaseFile);

  // The correction: one value changed, one row dropped, one added.
  fs.writeFileSync(
    file,
    HEADER +
      "E05010805,library-membership,2026,31.5,,,,,,all\n" +
      "E05010807,library-membership,2026,10,,,,,,all\n" +
      "E05010809,library-membership,2026,12,,,,,,all\n",
  );
  const replaced = expectStatus(await runImport({ kind: "indicators", file, metadataFile, databaseFile }), "replaced");
  assert.equal(replaced.rowsReplaced, 3);
  const rows = query<{ areaCode: string; value: number; sourceId: string }>(
    databaseFile,
    "SELECT areaCode, value, sourceId FROM Observation WHERE indicatorSlug = 'library-membership' AND period = '2026' ORDER BY areaCode",
  );
  assert.deepEqual(rows, [
    { areaCode: "E05010805", value: 31.5, sourceId: "import-indicators-ward-figures" },
    { areaCode: "E05010807", value: 10, sourceId: "import-indicators-ward-figures" },
    { areaCode: "E05010808", value: 40, sourceId: "import-indicators-neighbour" },
    { areaCode: "E05010809", value: 12, sourceId: "import-indicators-ward-figures" },
  ]);
  assert.equal(demoRowsDigest(databaseFile), demoBefore);
  const batches = query<{ status: string; fileSha256: string; rowsReplaced: number }>(
    databaseFile,
    "SELECT status, fileSha256, rowsReplaced FROM ImportBatch WHERE sourceId = 'import-indicators-ward-figures' ORDER BY id",
  );
  assert.deepEqual(
    batches.map((b) => b.status),
    ["imported", "replaced"],
  );
  assert.equal(batches[1]!.fileSha256, crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
});

test("imported rows are not synthetic unless --synthetic; changing that option is a new import", async () => {
  const databaseFile = dbs.copy();
  const file = example("indicators.csv");
  const metadataFile = example("indicators-metadata.json");
  expectStatus(await runImport({ kind: "indicators", file, metadataFile, databaseFile }), "imported");
  const flags = () =>
    query<{ s: number; o: number; i: number }>(
      databaseFile,
      `SELECT (SELECT MAX(synthetic) FROM Source WHERE id = 'import-indicators-indicators') AS s,
              (SELECT MAX(synthetic) FROM Observation WHERE sourceId = 'import-indicators-indicators') AS o,
              (SELECT MAX(synthetic) FROM Indicator WHERE sourceId = 'import-indicators-indicators') AS i`,
    )[0];
  assert.deepEqual(flags(), { s: 0, o: 0, i: 0 });
  expectStatus(await runImport({ kind: "indicators", file, metadataFile, databaseFile, synthetic: true }), "replaced");
  assert.deepEqual(flags(), { s: 1, o: 1, i: 1 });
});

test("the import record holds the file's hash, counts and times, and Prisma reads everything back", async () => {
  const databaseFile = dbs.copy();
  const file = example("indicators.csv");
  const started = new Date();
  expectStatus(
    await runImport({
      kind: "indicators",
      file,
      metadataFile: example("indicators-metadata.json"),
      databaseFile,
      source: { title: "Library figures", licence: "OGL v3.0" },
    }),
    "imported",
  );
  const { createDb } = await import("@/lib/db/client");
  const db = createDb(`file:${databaseFile}`);
  try {
    const [batch] = await db.importBatch.findMany({ include: { source: true } });
    assert.ok(batch);
    assert.equal(batch.kind, "indicators");
    assert.equal(batch.fileName, "indicators.csv");
    assert.equal(batch.fileSha256, sha256OfFile(file));
    assert.equal(batch.rowsRead, 8);
    assert.equal(batch.rowsWritten, 10); // 8 figures and 2 new indicators
    assert.equal(batch.status, "imported");
    assert.ok(batch.startedAt instanceof Date && batch.startedAt.getTime() >= started.getTime() - 1000);
    assert.ok(batch.finishedAt.getTime() >= batch.startedAt.getTime());
    assert.equal(batch.source.title, "Library figures");
    assert.equal(batch.source.licence, "OGL v3.0");
    assert.equal(batch.source.fileSha256, batch.fileSha256);
    assert.ok(batch.source.importedAt instanceof Date);
    const suppressed = await db.observation.findFirst({
      where: { sourceId: batch.sourceId, suppressed: true },
    });
    assert.equal(suppressed?.value, null);
    assert.equal(suppressed?.synthetic, false);
  } finally {
    await db.$disconnect();
  }
  const history = openDatabase(databaseFile, "read");
  try {
    const lines = describeHistory(listBatches(history));
    assert.match(lines[0]!, /^#\s+finished \(UTC\)\s+kind\s+file/);
    assert.match(lines[2]!, /^1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+indicators\s+indicators\.csv\s+8\s+10\s+0\s+imported/);
  } finally {
    history.close();
  }
});

test("the demo seed can run again after an import and keeps the imported rows", async () => {
  const databaseFile = dbs.copy();
  expectStatus(
    await runImport({
      kind: "indicators",
      file: example("indicators.csv"),
      metadataFile: example("indicators-metadata.json"),
      databaseFile,
    }),
    "imported",
  );
  const imported = query(
    databaseFile,
    "SELECT * FROM Observation WHERE sourceId = 'import-indicators-indicators' ORDER BY id",
  );
  await reseedDemo(databaseFile);
  assert.deepEqual(
    query(databaseFile, "SELECT * FROM Observation WHERE sourceId = 'import-indicators-indicators' ORDER BY id"),
    imported,
  );
});

test("source ids: the demo's are refused, and one source holds one kind of data", async () => {
  const databaseFile = dbs.copy();
  const before = sha256OfFile(databaseFile);
  const demo = await runImport({
    kind: "indicators",
    file: example("indicators.csv"),
    metadataFile: example("indicators-metadata.json"),
    sourceId: "civic-pulse-synthetic-survey",
    databaseFile,
  });
  assert.equal(demo.status, "invalid");
  if (demo.status === "invalid") assert.match(demo.problems.items[0]!.message, /belongs to the demo data/);
  assert.equal(sha256OfFile(databaseFile), before);

  expectStatus(
    await runImport({ kind: "assets", file: example("assets.csv"), sourceId: "council-data", databaseFile }),
    "imported",
  );
  const clash = await runImport({
    kind: "indicators",
    file: example("indicators.csv"),
    metadataFile: example("indicators-metadata.json"),
    sourceId: "council-data",
    databaseFile,
  });
  assert.equal(clash.status, "invalid");
  if (clash.status === "invalid")
    assert.match(clash.problems.items[0]!.message, /holds assets imported from assets\.csv/);
});

test("a byte-order mark and mixed line endings (CRLF, LF, CR) are accepted; an unused column is one warning", async () => {
  const databaseFile = dbs.copy();
  const file = writeFile(
    dbs.dir,
    "mixed-endings.csv",
    "\uFEFFArea Code,Indicator,Period,Value,Notes\r\n" +
      "E05010805,unpaid-carers,2026,50,\n" +
      "E05010806,unpaid-carers,2026,51,checked\r" +
      '"E05010807",unpaid-carers,2026,"52.5","two, with a comma"\r\n',
  );
  const outcome = expectStatus(await runImport({ kind: "indicators", file, databaseFile }), "imported");
  assert.equal(outcome.rowsRead, 3);
  assert.deepEqual(
    query(databaseFile, "SELECT areaCode, value FROM Observation WHERE period = '2026' ORDER BY areaCode"),
    [
      { areaCode: "E05010805", value: 50 },
      { areaCode: "E05010806", value: 51 },
      { areaCode: "E05010807", value: 52.5 },
    ],
  );
  assert.equal(outcome.warnings.total, 1);
  assert.match(outcome.warnings.items[0]!.message, /The column "Notes" is not used/);
});

test("the command line: plain messages on stderr, exit code 1 for a bad file, history on stdout", () => {
  const databaseFile = dbs.copy();
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    });
  const bad = run("indicators", fixture("lower-above-value.csv"));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Nothing was imported: 1 problem\(s\) to fix first\. The database has not changed\./);
  assert.match(
    bad.stderr,
    /lower-above-value\.csv, line 2, column "lower_ci": The lower limit \(55\) is above the value \(50\)\./,
  );
  const good = run("assets", example("assets.csv"), "--title", "Example register");
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /Imported assets\.csv as source "import-assets-assets" \(import #1\): 5 rows written\./);
  const history = run("history");
  assert.equal(history.status, 0);
  assert.match(history.stdout, /assets\s+assets\.csv\s+5\s+5\s+0\s+imported\s+import-assets-assets/);
  const usage = run("survey", example("survey-responses.csv"));
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /A survey import needs a mapping file: --mapping <file\.json>\./);
});

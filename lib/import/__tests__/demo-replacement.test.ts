// A council's own survey, figures and asset register in place of the demo's synthetic ones
// (--replace-demo): refused without the flag (database unchanged), previewed by --dry-run, done in one
// transaction with it; the "synthetic" flag leaves exactly the replaced indicators; a re-seed never
// brings the demo's figures back; and a catalogue-only database (a council that is not the demo's)
// takes the definitions over without the flag. On real SQLite files.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { assetKind } from "@/lib/assets/categories";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import { parseImportArgs, UsageError } from "@/lib/import/cli-args";
import { formatProblem } from "@/lib/import/problems";
import { describeHistory } from "@/lib/import/report";
import { listBatches, openDatabase } from "@/lib/import/store";
import { runImport, type ImportOutcome } from "@/lib/import/run-import";
import type { ImportRequest } from "@/lib/import/types";
import { query, seededTemplate, sha256OfFile, writeFile, type TestDatabases, reseedDemo } from "./helpers";

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

const LA = "E06000031";
const REPLACED = ["belonging", "formal-volunteering"];
const KEPT = "informal-help";
const SYNTHETIC_SURVEY = SOURCE_IDS.syntheticSurvey;

function wardsOf(databaseFile: string): { code: string; population: number }[] {
  return query(
    databaseFile,
    "SELECT code, population FROM Area WHERE type = 'ward' AND parentCode = ? ORDER BY code",
    LA,
  );
}

/** Twelve respondents a ward (above the base of 10), answering two questions; deterministic. */
function writeSurvey(databaseFile: string, name = "council-survey.csv") {
  const lines = ["respondent,area_code,period,weight,q_volunteer,q_belong"];
  let n = 0;
  for (const [w, { code }] of wardsOf(databaseFile).entries()) {
    for (let i = 0; i < 12; i++) {
      n++;
      lines.push(
        `${n},${code},2025,${1 + (i % 3) * 0.5},${(i + w) % 4 === 0 ? "Yes" : "No"},${i % 3 ? "Agree" : "Disagree"}`,
      );
    }
  }
  const file = writeFile(dbs.dir, name, lines.join("\n") + "\n");
  const mapping = writeFile(
    dbs.dir,
    "council-mapping.json",
    JSON.stringify({
      questions: {
        q_volunteer: { indicator: "formal-volunteering", yes: ["Yes"], no: ["No"] },
        q_belong: { indicator: "belonging", yes: ["Agree"], no: ["Disagree"] },
      },
    }),
  );
  return { file, mapping };
}

function surveyRequest(databaseFile: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  const { file, mapping } = writeSurvey(databaseFile);
  return { kind: "survey", file, mappingFile: mapping, databaseFile, ...extra };
}

function listBatchesOf(databaseFile: string) {
  const db = openDatabase(databaseFile, "read");
  try {
    return listBatches(db);
  } finally {
    db.close();
  }
}

function problemsOf(outcome: ImportOutcome): string[] {
  return outcome.status === "invalid" ? outcome.problems.items.map(formatProblem) : [];
}

function figureCounts(databaseFile: string, slug: string) {
  return query<{ sourceId: string; synthetic: number; n: number }>(
    databaseFile,
    "SELECT sourceId, synthetic, COUNT(*) AS n FROM Observation WHERE indicatorSlug = ? GROUP BY sourceId, synthetic ORDER BY sourceId",
    slug,
  );
}

function definition(databaseFile: string, slug: string) {
  return query<{ synthetic: number; sourceId: string; caveats: string | null; method: string }>(
    databaseFile,
    "SELECT synthetic, sourceId, caveats, method FROM Indicator WHERE slug = ?",
    slug,
  )[0]!;
}

function rowsOf(databaseFile: string, slug: string) {
  return query(databaseFile, "SELECT * FROM Observation WHERE indicatorSlug = ? ORDER BY id", slug);
}

test("real survey figures for demo indicators are refused without --replace-demo, and nothing changes", async () => {
  const databaseFile = dbs.copy();
  const before = sha256OfFile(databaseFile);
  const outcome = await runImport(surveyRequest(databaseFile));
  assert.equal(outcome.status, "invalid");
  const problems = problemsOf(outcome);
  assert.equal(problems.length, 2, problems.join("\n"));
  for (const slug of REPLACED) {
    const demoRows = figureCounts(databaseFile, slug).find((c) => c.sourceId === SYNTHETIC_SURVEY)!.n;
    const message = problems.find((p) => p.includes(`"${slug}"`));
    assert.ok(message?.startsWith("council-survey.csv: "), message);
    assert.match(message!, new RegExp(`${demoRows} figures, 2021 to 2025`));
    assert.match(message!, /--replace-demo/);
  }
  assert.equal(sha256OfFile(databaseFile), before, "the database is byte-identical");
});

test("--dry-run with --replace-demo says what would be replaced and writes nothing", async () => {
  const databaseFile = dbs.copy();
  const before = sha256OfFile(databaseFile);
  const outcome = await runImport(surveyRequest(databaseFile, { replaceDemo: true, dryRun: true }));
  assert.equal(outcome.status, "checked", problemsOf(outcome).join("\n"));
  const summary = outcome.status === "checked" ? outcome.summary.join("\n") : "";
  for (const slug of REPLACED) {
    const demoRows = figureCounts(databaseFile, slug)[0]!.n;
    assert.match(summary, new RegExp(`${slug}: ${demoRows} figures, 2021 to 2025, removed`));
  }
  assert.match(summary, /No longer labelled synthetic: belonging, formal-volunteering/);
  assert.equal(sha256OfFile(databaseFile), before);
});

test("--replace-demo swaps exactly those indicators' synthetic figures for the council's, in one import", async () => {
  const databaseFile = dbs.copy();
  const keptBefore = rowsOf(databaseFile, KEPT);
  const keptDefinition = definition(databaseFile, KEPT);
  const outcome = await runImport(surveyRequest(databaseFile, { replaceDemo: true, minBase: 5 }));
  assert.equal(outcome.status, "imported", problemsOf(outcome).join("\n"));
  const sourceId = outcome.status === "imported" ? outcome.sourceId : "";

  const wards = wardsOf(databaseFile);
  for (const slug of REPLACED) {
    // Every synthetic figure of the indicator went (all periods); the survey's ward and LA figures came in.
    assert.deepEqual(figureCounts(databaseFile, slug), [{ sourceId, synthetic: 0, n: wards.length + 1 }]);
    const taken = definition(databaseFile, slug);
    assert.equal(taken.synthetic, 0);
    assert.equal(taken.sourceId, sourceId);
    assert.equal(taken.caveats, null, "the demo's synthetic caveat goes with its figures");
    assert.match(taken.method, /fewer than 5 respondents/, "the method states this survey's threshold");
  }
  const history = describeHistory(listBatchesOf(databaseFile));
  assert.match(history.at(-1)!, /imported \(--replace-demo\)/, "the history says the demo was replaced");

  // The rest stays the demo's, labelled synthetic.
  assert.deepEqual(rowsOf(databaseFile, KEPT), keptBefore);
  assert.deepEqual(definition(databaseFile, KEPT), keptDefinition);
  assert.equal(keptDefinition.synthetic, 1);

  // A worked figure: ward 1's share of "Yes" (weights 1, 1.5, 2 by respondent) from the file itself.
  const [first] = wards;
  const answers = fs
    .readFileSync(path.join(dbs.dir, "council-survey.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .filter((cells) => cells[1] === first!.code);
  const weight = (cells: string[]) => Number(cells[3]);
  const yes = answers.filter((cells) => cells[4] === "Yes").reduce((sum, cells) => sum + weight(cells), 0);
  const all = answers.reduce((sum, cells) => sum + weight(cells), 0);
  const [stored] = query<{ value: number; numerator: number; denominator: number; synthetic: number }>(
    databaseFile,
    "SELECT value, numerator, denominator, synthetic FROM Observation WHERE indicatorSlug = 'formal-volunteering' AND areaCode = ? AND \"group\" = 'all'",
    first!.code,
  );
  assert.equal(stored!.value, Math.round((yes / all) * 10000) / 100);
  assert.equal(stored!.numerator, yes);
  assert.equal(stored!.denominator, all);
  assert.equal(stored!.synthetic, 0);
});

test("after a replacement, a re-seed restores the demo's other rows but never the replaced figures", async () => {
  const databaseFile = dbs.copy();
  const outcome = await runImport(surveyRequest(databaseFile, { replaceDemo: true }));
  assert.equal(outcome.status, "imported", problemsOf(outcome).join("\n"));
  const replacedRows = REPLACED.map((slug) => rowsOf(databaseFile, slug));
  const replacedDefinitions = REPLACED.map((slug) => definition(databaseFile, slug));
  const keptBefore = rowsOf(databaseFile, KEPT).map((row) => ({ ...(row as object), id: 0 }));

  await reseedDemo(databaseFile);
  assert.deepEqual(
    REPLACED.map((slug) => rowsOf(databaseFile, slug)),
    replacedRows,
  );
  assert.deepEqual(
    REPLACED.map((slug) => definition(databaseFile, slug)),
    replacedDefinitions,
  );
  assert.deepEqual(
    rowsOf(databaseFile, KEPT).map((row) => ({ ...(row as object), id: 0 })),
    keptBefore,
  );
});

test("a corrected survey re-imported under the same source replaces its figures and keeps the taken-over indicators", async () => {
  const databaseFile = dbs.copy();
  const first = await runImport(surveyRequest(databaseFile, { replaceDemo: true }));
  assert.equal(first.status, "imported", problemsOf(first).join("\n"));
  // The corrected file: one respondent less in the first ward.
  const { file, mapping } = writeSurvey(databaseFile);
  const lines = fs.readFileSync(file, "utf8").trim().split("\n");
  fs.writeFileSync(file, [lines[0], ...lines.slice(2)].join("\n") + "\n");
  const again = await runImport({ kind: "survey", file, mappingFile: mapping, databaseFile, minBase: 11 });
  assert.equal(again.status, "replaced", problemsOf(again).join("\n"));
  for (const slug of REPLACED) {
    assert.equal(definition(databaseFile, slug).synthetic, 0);
    assert.match(definition(databaseFile, slug).method, /fewer than 11 respondents/, "the method follows --min-base");
    assert.equal(figureCounts(databaseFile, slug)[0]!.n, wardsOf(databaseFile).length + 1);
  }
});

test("an indicators file takes --replace-demo too; --replace-demo with nothing to replace only warns", async () => {
  const databaseFile = dbs.copy();
  const file = writeFile(
    dbs.dir,
    "belonging-2026.csv",
    "area_code,indicator,period,value\n" + `${LA},belonging,2026,61.5\n`,
  );
  const refused = await runImport({ kind: "indicators", file, databaseFile });
  assert.match(problemsOf(refused).join("\n"), /synthetic figures for "belonging".*--replace-demo/);
  const done = await runImport({ kind: "indicators", file, databaseFile, replaceDemo: true });
  assert.equal(done.status, "imported", problemsOf(done).join("\n"));
  assert.deepEqual(figureCounts(databaseFile, "belonging"), [
    { sourceId: "import-indicators-belonging-2026", synthetic: 0, n: 1 },
  ]);

  const other = writeFile(
    dbs.dir,
    "carers.csv",
    "area_code,indicator,period,value\n" + `${LA},unpaid-carers,2031,9.5\n`,
  );
  const plain = await runImport({ kind: "indicators", file: other, databaseFile, replaceDemo: true });
  assert.equal(plain.status, "imported", problemsOf(plain).join("\n"));
  assert.match(plain.warnings.items.map(formatProblem).join("\n"), /no demo figures .* none were replaced/);
  const census = definition(databaseFile, "unpaid-carers");
  assert.equal(census.sourceId, SOURCE_IDS.census2021Ts039, "a published indicator's definition stays its publisher's");
});

/** The demo's own assets, two in three of them, as a council's register (so they fall in known wards). */
function writeRegister(databaseFile: string, name = "council-register.csv") {
  const assets = query<{ name: string; category: string; lat: number; lon: number }>(
    databaseFile,
    "SELECT name, category, lat, lon FROM Asset WHERE sourceId = ? ORDER BY id",
    SOURCE_IDS.syntheticAssets,
  ).filter((_, i) => i % 3 !== 0);
  return writeFile(
    dbs.dir,
    name,
    "name,category,lat,lon\n" +
      assets.map((a) => `"${a.name.replace(" (illustrative)", "")}",${a.category},${a.lat},${a.lon}`).join("\n") +
      "\n",
  );
}

const ASSET_SLUGS = ["community-spaces", "active-groups"];

test("an asset register without --replace-demo goes on the maps and leaves the demo's asset indicators, saying so", async () => {
  const databaseFile = dbs.copy();
  const before = ASSET_SLUGS.map((slug) => rowsOf(databaseFile, slug));
  const outcome = await runImport({ kind: "assets", file: writeRegister(databaseFile), databaseFile });
  assert.equal(outcome.status, "imported", problemsOf(outcome).join("\n"));
  assert.match(outcome.warnings.items.map(formatProblem).join("\n"), /illustrative register.*--replace-demo/);
  assert.deepEqual(
    ASSET_SLUGS.map((slug) => rowsOf(databaseFile, slug)),
    before,
  );
});

test("an asset register with --replace-demo recounts the asset indicators per ward and for the authority", async () => {
  const databaseFile = dbs.copy();
  const file = writeRegister(databaseFile);
  const dry = await runImport({ kind: "assets", file, databaseFile, replaceDemo: true, period: "2026", dryRun: true });
  assert.equal(dry.status, "checked", problemsOf(dry).join("\n"));
  const demoAssets = query<{ n: number }>(databaseFile, "SELECT COUNT(*) AS n FROM Asset")[0]!.n;
  assert.match(
    dry.status === "checked" ? dry.summary.join("\n") : "",
    new RegExp(`illustrative asset register \\(${demoAssets} assets\\)`),
  );

  const outcome = await runImport({ kind: "assets", file, databaseFile, replaceDemo: true, period: "2026" });
  assert.equal(outcome.status, "imported", problemsOf(outcome).join("\n"));
  const sourceId = outcome.status === "imported" ? outcome.sourceId : "";
  const assets = query<{ areaCode: string; category: string; synthetic: number; sourceId: string }>(
    databaseFile,
    "SELECT areaCode, category, synthetic, sourceId FROM Asset",
  );
  assert.ok(assets.length > 100);
  assert.ok(
    assets.every((a) => a.sourceId === sourceId && a.synthetic === 0),
    "the illustrative register is gone",
  );

  // Expected counts from the stored register and the wards' residents, independently of the importer.
  const wards = wardsOf(databaseFile);
  const kindFor = { "community-spaces": "space", "active-groups": "group" } as const;
  for (const slug of ASSET_SLUGS) {
    const figures = query<{
      areaCode: string;
      period: string;
      value: number;
      numerator: number;
      denominator: number;
      synthetic: number;
      sourceId: string;
    }>(
      databaseFile,
      "SELECT areaCode, period, value, numerator, denominator, synthetic, sourceId FROM Observation WHERE indicatorSlug = ? ORDER BY areaCode",
      slug,
    );
    assert.equal(figures.length, wards.length + 1, `${slug}: a figure per ward and one for ${LA}`);
    let total = 0;
    for (const ward of wards) {
      const count = assets.filter(
        (a) => a.areaCode === ward.code && assetKind(a.category) === kindFor[slug as keyof typeof kindFor],
      ).length;
      total += count;
      const figure = figures.find((f) => f.areaCode === ward.code)!;
      assert.deepEqual(
        { ...figure },
        {
          areaCode: ward.code,
          period: "2026",
          value: Math.round((count / ward.population) * 100000) / 100,
          numerator: count,
          denominator: ward.population,
          synthetic: 0,
          sourceId,
        },
      );
    }
    const residents = wards.reduce((sum, ward) => sum + ward.population, 0);
    const la = figures.find((f) => f.areaCode === LA)!;
    assert.equal(la.numerator, total);
    assert.equal(la.denominator, residents);
    const taken = definition(databaseFile, slug);
    assert.deepEqual([taken.synthetic, taken.sourceId, taken.caveats], [0, sourceId, null]);
  }

  // A re-seed brings back neither the illustrative register nor its figures.
  await reseedDemo(databaseFile);
  assert.equal(query(databaseFile, "SELECT 1 FROM Asset WHERE sourceId = ?", SOURCE_IDS.syntheticAssets).length, 0);
  for (const slug of ASSET_SLUGS) assert.equal(figureCounts(databaseFile, slug).length, 1);
});

/** A square of 0.1° at (lon, lat), closed. */
const square = (lon: number, lat: number) =>
  JSON.stringify({
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon + 0.1, lat],
        [lon + 0.1, lat + 0.1],
        [lon, lat + 0.1],
        [lon, lat],
      ],
    ],
  });

let catalogueOnlyTemplate: string | null = null;

/**
 * A council's first run: the catalogue alone (seedCatalogue), with an authority "Testshire" (E06000099) and
 * two wards written as a boundary import would: Hilltop (E05999001, 4,000 residents) and Lowmead (E05999002,
 * population 0, as a boundary file may say).
 */
async function catalogueOnlyCopy(): Promise<string> {
  if (!catalogueOnlyTemplate) {
    catalogueOnlyTemplate = path.join(dbs.dir, "catalogue-only-template.db");
    const { applyMigrations } = await import("@/lib/db/schema-engine");
    const { createDb } = await import("@/lib/db/client");
    const { seedCatalogue } = await import("@/lib/demo-data/seed-demo");
    await applyMigrations(catalogueOnlyTemplate);
    const db = createDb(`file:${catalogueOnlyTemplate}`);
    try {
      await seedCatalogue(db);
    } finally {
      await db.$disconnect();
    }
    const writer = new (await import("better-sqlite3")).default(catalogueOnlyTemplate);
    writer.prepare("INSERT INTO Area (code, name, type) VALUES ('E06000099', 'Testshire', 'local_authority')").run();
    const ward = writer.prepare(
      "INSERT INTO Area (code, name, type, parentCode, population, geometry) VALUES (?, ?, 'ward', 'E06000099', ?, ?)",
    );
    ward.run("E05999001", "Hilltop", 4000, square(0, 51));
    ward.run("E05999002", "Lowmead", 0, square(0.1, 51));
    writer.close();
  }
  const copy = path.join(dbs.dir, `catalogue-only-${crypto.randomUUID()}.db`);
  fs.copyFileSync(catalogueOnlyTemplate, copy);
  return copy;
}

test("in a catalogue-only database the definitions start unlabelled, and a council's figures and register take them over", async () => {
  const databaseFile = await catalogueOnlyCopy();
  for (const slug of ["belonging", "community-spaces"]) {
    const start = definition(databaseFile, slug);
    assert.deepEqual([start.synthetic, start.caveats], [0, null], `${slug}: no figures, so nothing to call synthetic`);
  }
  const figures = writeFile(
    dbs.dir,
    "testshire.csv",
    "area_code,indicator,period,value\nE05999001,belonging,2026,58\n",
  );
  const imported = await runImport({ kind: "indicators", file: figures, databaseFile });
  assert.equal(imported.status, "imported", problemsOf(imported).join("\n"));
  assert.deepEqual(
    [definition(databaseFile, "belonging").synthetic, definition(databaseFile, "belonging").sourceId],
    [0, "import-indicators-testshire"],
  );

  // Lowmead's population is 0: no rate there, a warning, and Hilltop is counted as usual.
  const register = writeFile(
    dbs.dir,
    "testshire-assets.csv",
    "name,category,lat,lon\nHilltop Library,library,51.05,0.05\nHilltop FC,sports-club,51.02,0.02\nHilltop Park,park,51.03,0.03\nLowmead Hall,community-hall,51.05,0.15\n",
  );
  const placed = await runImport({ kind: "assets", file: register, databaseFile, period: "2026" });
  assert.equal(placed.status, "imported", problemsOf(placed).join("\n"));
  const warnings = placed.warnings.items.map(formatProblem).join("\n");
  assert.match(warnings, /No population \(or 0\) is stored for E05999002/);
  assert.match(warnings, /1 asset\(s\) lie outside any ward with a population/);
  assert.deepEqual(
    query(
      databaseFile,
      "SELECT indicatorSlug, areaCode, value, numerator, denominator FROM Observation WHERE indicatorSlug IN ('community-spaces', 'active-groups') ORDER BY indicatorSlug, areaCode",
    ),
    [
      { indicatorSlug: "active-groups", areaCode: "E05999001", value: 0.25, numerator: 1, denominator: 4000 },
      { indicatorSlug: "active-groups", areaCode: "E06000099", value: 0.25, numerator: 1, denominator: 4000 },
      { indicatorSlug: "community-spaces", areaCode: "E05999001", value: 0.25, numerator: 1, denominator: 4000 },
      { indicatorSlug: "community-spaces", areaCode: "E06000099", value: 0.25, numerator: 1, denominator: 4000 },
    ],
  );
  assert.equal(definition(databaseFile, "community-spaces").synthetic, 0);
});

test("real and synthetic figures never share an indicator, and its label follows its figures", async () => {
  const databaseFile = await catalogueOnlyCopy();
  const trial = writeFile(dbs.dir, "trial.csv", "area_code,indicator,period,value\nE05999001,belonging,2024,40\n");
  const council = writeFile(dbs.dir, "council.csv", "area_code,indicator,period,value\nE05999001,belonging,2025,58\n");

  // An illustrative trial is labelled, though the catalogue defined the indicator: the label follows the figures.
  assert.equal(
    (await runImport({ kind: "indicators", file: trial, databaseFile, synthetic: true })).status,
    "imported",
  );
  assert.equal(definition(databaseFile, "belonging").synthetic, 1);
  // Real figures beside it are refused, naming the synthetic source; nothing changes.
  const before = sha256OfFile(databaseFile);
  const refused = await runImport({ kind: "indicators", file: council, databaseFile });
  assert.match(
    problemsOf(refused).join("\n"),
    /"belonging" already has 1 synthetic figures from the source "import-indicators-trial", and this file's are real/,
  );
  assert.equal(sha256OfFile(databaseFile), before);

  // With the trial's figures replaced by real ones under its own source, the label goes; made synthetic again, it comes back.
  const real = await runImport({ kind: "indicators", file: trial, databaseFile, sourceId: "import-indicators-trial" });
  assert.equal(real.status, "replaced", problemsOf(real).join("\n"));
  assert.equal(definition(databaseFile, "belonging").synthetic, 0);
  const again = await runImport({ kind: "indicators", file: trial, databaseFile, synthetic: true });
  assert.equal(again.status, "replaced", problemsOf(again).join("\n"));
  assert.equal(definition(databaseFile, "belonging").synthetic, 1);

  // A published (Census-defined) indicator is labelled too when its figures are illustrative.
  const carers = writeFile(
    dbs.dir,
    "carers-trial.csv",
    "area_code,indicator,period,value\nE05999001,unpaid-carers,2021,9\n",
  );
  assert.equal(
    (await runImport({ kind: "indicators", file: carers, databaseFile, synthetic: true })).status,
    "imported",
  );
  assert.equal(definition(databaseFile, "unpaid-carers").synthetic, 1);
});

test("--replace-demo for an asset register that can count no ward is refused, and the demo's register stays", async () => {
  const databaseFile = dbs.copy();
  // Every ward of the demo's authority without residents: no rate can be given anywhere.
  const writer = new (await import("better-sqlite3")).default(databaseFile);
  writer.prepare("UPDATE Area SET population = NULL WHERE type = 'ward'").run();
  writer.close();
  const before = sha256OfFile(databaseFile);
  const outcome = await runImport({
    kind: "assets",
    file: writeRegister(databaseFile),
    databaseFile,
    replaceDemo: true,
  });
  assert.match(problemsOf(outcome).join("\n"), /--replace-demo: no ward this register reaches has a population/);
  assert.equal(sha256OfFile(databaseFile), before);
});

test("asset indicator figures from an indicators file replace the demo's register with its figures", async () => {
  const databaseFile = dbs.copy();
  const registerSize = query<{ n: number }>(databaseFile, "SELECT COUNT(*) AS n FROM Asset")[0]!.n;
  const file = writeFile(dbs.dir, "spaces.csv", `area_code,indicator,period,value\n${LA},community-spaces,2026,0.3\n`);
  const outcome = await runImport({ kind: "indicators", file, databaseFile, replaceDemo: true });
  assert.equal(outcome.status, "imported", problemsOf(outcome).join("\n"));
  assert.match(outcome.summary.join("\n"), new RegExp(`illustrative asset register \\(${registerSize} assets\\)`));
  assert.equal(query(databaseFile, "SELECT 1 FROM Asset").length, 0, "the register its figures were counted from went");
  // The seed agrees: the register does not come back.
  await reseedDemo(databaseFile);
  assert.equal(query(databaseFile, "SELECT 1 FROM Asset").length, 0);
});

test("the command line: --replace-demo is for figures and registers, never with --synthetic; --period is checked", () => {
  const parsed = parseImportArgs(["survey", "s.csv", "--mapping", "m.json", "--replace-demo"]);
  assert.equal(parsed.command === "import" && parsed.request.replaceDemo, true);
  assert.throws(
    () => parseImportArgs(["survey", "s.csv", "--mapping", "m.json", "--replace-demo", "--synthetic"]),
    UsageError,
  );
  assert.throws(
    () => parseImportArgs(["boundaries", "b.geojson", "--replace-demo"]),
    /--replace-demo is only for indicators and assets and survey imports/,
  );
  assert.throws(
    () => parseImportArgs(["assets", "a.csv", "--period", "March 2026"]),
    /--period: "March 2026" is not a period/,
  );
  const withPeriod = parseImportArgs(["assets", "a.csv", "--period", "2026-27"]);
  assert.equal(withPeriod.command === "import" && withPeriod.request.period, "2026-27");
});

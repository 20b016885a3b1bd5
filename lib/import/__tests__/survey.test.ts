// Survey aggregation checked against figures worked out by hand in this file (weighted Wilson
// interval on Kish's effective sample size, a t interval from the printed t table, a suppressed
// cell, the local-authority total), then the importer around it. The demo's synthetic survey goes
// through the same aggregateSurvey; its own tests check its suppression against the microdata.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Observation } from "@/lib/domain/types";
import { runImport } from "@/lib/import/run-import";
import { aggregateSurvey } from "@/lib/stats/survey-aggregation";
import { example, query, seededTemplate, sha256OfFile, writeFile, type TestDatabases } from "./helpers";

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

const Z = 1.959963984540054; // the 97.5 % point of the standard normal

/** The Wilson score interval, written out from its textbook formula. */
function wilsonByHand(p: number, n: number): [number, number] {
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [centre - half, centre + half];
}

function close(actual: number | null, expected: number, what: string, tolerance = 0.006) {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);
}

type Row = { indicatorSlug: string; areaCode: string; group: string } & Omit<
  Observation,
  "indicatorSlug" | "areaCode" | "group"
>;

test("the worked example of docs/data-format.md, computed by hand", async () => {
  const databaseFile = dbs.copy();
  const outcome = await runImport({
    kind: "survey",
    file: example("survey-responses.csv"),
    mappingFile: example("survey-mapping.json"),
    metadataFile: example("survey-metadata.json"),
    databaseFile,
  });
  assert.equal(outcome.status, "imported", JSON.stringify(outcome.status === "invalid" && outcome.problems.items));
  const rows = query<Row>(databaseFile, "SELECT * FROM Observation WHERE sourceId = 'import-survey-survey-responses'");
  const find = (slug: string, area: string, group = "all") => {
    const row = rows.find((r) => r.indicatorSlug === slug && r.areaCode === area && r.group === group);
    assert.ok(row, `no row ${slug} ${area} ${group}`);
    return row;
  };

  // Barnack, "visited a green space": the 12 who answered (respondent 7 said "Don't know").
  // Weights 1, 1, 2, 0.5, 1.5, 1, 2, 0.5, 1, 1.5, 1, 1 (sum 14); "Yes" weights 1, 2, 0.5, 1, 2, 1, 1.5, 1 (sum 10).
  const barnackWeights = [1, 1, 2, 0.5, 1.5, 1, 2, 0.5, 1, 1.5, 1, 1];
  const sumW = 14;
  const sumW2 = barnackWeights.reduce((s, w) => s + w * w, 0); // 19
  assert.equal(sumW2, 19);
  const nEff = (sumW * sumW) / sumW2; // 196 / 19 = 10.316
  const p = 10 / 14;
  const [lower, upper] = wilsonByHand(p, nEff);
  const barnack = find("green-space-visits", "E05010805");
  close(barnack.value, 71.43, "value");
  close(barnack.lowerCi, lower * 100, "lower");
  close(barnack.upperCi, upper * 100, "upper");
  assert.equal(barnack.numerator, 10);
  assert.equal(barnack.denominator, 14);
  assert.equal(barnack.sampleSize, 12);
  // The interval on n_eff is wider than one on the 12 respondents would be.
  const [naiveLower] = wilsonByHand(p, 12);
  assert.ok(lower < naiveLower);

  // Bretton: only 4 respondents, below the base of 10: suppressed, and no numbers kept at all.
  const bretton = find("green-space-visits", "E05010806");
  assert.deepEqual(
    [
      bretton.suppressed,
      bretton.value,
      bretton.lowerCi,
      bretton.upperCi,
      bretton.numerator,
      bretton.denominator,
      bretton.sampleSize,
    ],
    [1, null, null, null, null, null, null],
  );

  // Peterborough pools all 16 who answered, Bretton's 4 included: weights sum 18, "Yes" 12.2.
  const laWeights = [...barnackWeights, 1.2, 0.8, 1, 1];
  const laNEff = (18 * 18) / laWeights.reduce((s, w) => s + w * w, 0);
  const [laLower, laUpper] = wilsonByHand(12.2 / 18, laNEff);
  const la = find("green-space-visits", "E06000031");
  close(la.value, 67.78, "LA value");
  close(la.lowerCi, laLower * 100, "LA lower");
  close(la.upperCi, laUpper * 100, "LA upper");
  assert.equal(la.sampleSize, 16);

  // Every age group cell has fewer than 10 respondents: all suppressed.
  for (const group of ["age:16-34", "age:35-64", "age:65+"]) {
    assert.equal(find("green-space-visits", "E06000031", group).suppressed, 1);
  }
});

test("a mean with equal weights gets the t interval of the printed t table", () => {
  // 12 respondents, all weight 1.5 (so n_eff = 12), scores 20..31: mean 25.5, sd = √13 (n − 1 divisor).
  const scores = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
  const rows = aggregateSurvey(
    scores.map((score) => ({ areaCode: "W1", period: "2025", weight: 1.5, groups: [], answers: [score] })),
    {
      questions: [{ indicator: "calm-score", kind: "mean", unit: "score" }],
      parentOf: new Map([["W1", null]]),
      minBase: 10,
      sourceId: "test",
      synthetic: false,
    },
  );
  assert.equal(rows.length, 1);
  const row = rows[0]!;
  const t11 = 2.201; // t(0.975, 11 df), from the table
  const half = (t11 * Math.sqrt(13)) / Math.sqrt(12);
  close(row.value, 25.5, "mean");
  close(row.lowerCi, 25.5 - half, "lower", 0.01);
  close(row.upperCi, 25.5 + half, "upper", 0.01);
  assert.equal(row.numerator, null);
  assert.equal(row.denominator, 18);
  assert.equal(row.sampleSize, 12);
});

test("--min-base moves the suppression threshold", () => {
  const respondents = Array.from({ length: 12 }, (_, i) => ({
    areaCode: "W1",
    period: "2025",
    weight: 1,
    groups: [i < 6 ? "sex:female" : "sex:male"],
    answers: [i % 3 === 0 ? 1 : 0],
  }));
  const plan = {
    questions: [{ indicator: "x", kind: "proportion" as const, unit: "percent" as const }],
    parentOf: new Map([["W1", null]]),
    sourceId: "test",
    synthetic: false,
  };
  const base10 = aggregateSurvey(respondents, { ...plan, minBase: 10 });
  assert.deepEqual(
    base10.map((r) => [r.group, r.suppressed, r.value]),
    [
      ["all", false, 33.33],
      ["sex:female", true, null],
      ["sex:male", true, null],
    ],
  );
  const base5 = aggregateSurvey(respondents, { ...plan, minBase: 5 });
  assert.deepEqual(
    base5.map((r) => [r.group, r.value]),
    [
      ["all", 33.33],
      ["sex:female", 33.33],
      ["sex:male", 33.33],
    ],
  );
  assert.equal(aggregateSurvey(respondents, { ...plan, minBase: 13 })[0]!.suppressed, true);
});

// (Real figures for the demo's synthetic indicators are refused as a whole, or replace them: demo-replacement.test.ts.)
test("synthetic survey figures never overwrite another source's: one message per indicator and period", async () => {
  const databaseFile = dbs.copy();
  const before = sha256OfFile(databaseFile);
  const file = writeFile(
    dbs.dir,
    "belonging-2025.csv",
    "area_code,period,weight,q1\n" +
      Array.from({ length: 12 }, (_, i) => `E05010805,2025,1,${i % 2 ? "Yes" : "No"}`).join("\n") +
      "\n",
  );
  const mappingFile = writeFile(
    dbs.dir,
    "belonging-mapping.json",
    JSON.stringify({ questions: { q1: { indicator: "belonging", yes: ["Yes"] } } }),
  );
  const outcome = await runImport({ kind: "survey", file, mappingFile, databaseFile, synthetic: true });
  assert.equal(outcome.status, "invalid");
  if (outcome.status === "invalid") {
    assert.equal(outcome.problems.total, 1);
    assert.match(
      outcome.problems.items[0]!.message,
      /already has 2 figure\(s\) for "belonging" in 2025 from the source "civic-pulse-synthetic-survey"/,
    );
  }
  assert.equal(sha256OfFile(databaseFile), before);
});

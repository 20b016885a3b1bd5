// Checks the real-indicator build against expectations computed here, independently, from the
// raw files in prisma/data/raw: the test finds a ward's LSOAs in the lookup itself and sums
// the raw columns itself, rather than trusting the build's own helpers.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCsv } from "@/lib/csv/parse-csv";
import type { Observation } from "@/lib/domain/types";
import { catalogueEntry } from "@/lib/indicators/catalogue";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import {
  aggregateToAreas,
  buildRealIndicatorObservations,
  incomeDeprivationByLsoa,
  wardLookupFromRows,
} from "@/lib/demo-data/real-indicators";

const RAW = path.join(process.cwd(), "prisma/data/raw");
const PETERBOROUGH = "E06000031";
const CENTRAL = "E05010807";
const FLETTON_WOODSTON = "E05010812";
const WARD_CODES = Array.from({ length: 22 }, (_, i) => `E0501${String(805 + i).padStart(4, "0")}`);

function raw(file: string): Record<string, string>[] {
  return parseCsv(fs.readFileSync(path.join(RAW, file), "utf8"));
}
function num(row: Record<string, string> | undefined, column: string): number {
  assert.ok(row, `missing row for column ${column}`);
  const text = row[column];
  assert.ok(text !== undefined && text !== "", `empty ${column}`);
  return Number(text);
}
function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
function close(actual: number | null, expected: number, tolerance = 1e-9, message?: string) {
  assert.ok(actual !== null, message ?? "value is null");
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${message ?? ""} expected ${expected}, got ${actual}`,
  );
}

// Lookups read directly from the raw files.
const lsoa21ToWard = new Map(
  raw("geographr-lookups/lsoa21_to_ward24_E06000031.csv").map((row) => [row.lsoa21_code!, row.ward24_code!]),
);
const lsoa11ToWard = new Map(
  raw("ons-lookups/lsoa11_to_ward19_E06000031.csv").map((row) => [row.LSOA11CD!, row.WD19CD!]),
);
const lsoasOfWard21 = (ward: string) => [...lsoa21ToWard].filter(([, w]) => w === ward).map(([lsoa]) => lsoa);
const lsoasOfWard11 = (ward: string) => [...lsoa11ToWard].filter(([, w]) => w === ward).map(([lsoa]) => lsoa);
const ts007a = new Map(
  raw("nomis-census2021/census2021-ts007a-lsoa_E06000031.csv").map((row) => [row["geography code"]!, row]),
);
const residents21 = (lsoa: string) => num(ts007a.get(lsoa), "Age: Total");

const built = buildRealIndicatorObservations(RAW);

function observation(slug: string, period: string, area: string): Observation {
  const matches = built.observations.filter(
    (o) => o.indicatorSlug === slug && o.period === period && o.areaCode === area,
  );
  assert.equal(matches.length, 1, `${slug} ${period} ${area}: ${matches.length} rows`);
  return matches[0]!;
}

const EXPECTED: { slug: string; period: string; sourceId: string; range: [number, number] }[] = [
  { slug: "unpaid-carers", period: "2021", sourceId: SOURCE_IDS.census2021Ts039, range: [3, 15] },
  { slug: "bad-health", period: "2021", sourceId: SOURCE_IDS.census2021Ts037, range: [1, 15] },
  { slug: "disability", period: "2021", sourceId: SOURCE_IDS.census2021Ts038, range: [5, 30] },
  { slug: "household-deprivation", period: "2021", sourceId: SOURCE_IDS.census2021Ts011, range: [3, 50] },
  { slug: "income-deprivation", period: "2025", sourceId: SOURCE_IDS.iod2025Indicators, range: [2, 70] },
  { slug: "income-deprivation", period: "2019", sourceId: SOURCE_IDS.iod2019Scores, range: [1, 60] },
  { slug: "imd-score", period: "2025", sourceId: SOURCE_IDS.iod2025Scores, range: [2, 80] },
  { slug: "imd-score", period: "2019", sourceId: SOURCE_IDS.iod2019Scores, range: [2, 80] },
  { slug: "adult-skills", period: "2025", sourceId: SOURCE_IDS.iod2025Indicators, range: [2, 70] },
  { slug: "digital-connectivity", period: "2025", sourceId: SOURCE_IDS.iod2025Indicators, range: [-3, 3] },
];

test("every ward and Peterborough has every indicator and period once, in plausible ranges", () => {
  assert.equal(built.observations.length, EXPECTED.length * 23);
  for (const { slug, period, sourceId, range } of EXPECTED) {
    const entry = catalogueEntry(slug);
    assert.ok(entry && !entry.synthetic, `${slug} is a real catalogue indicator`);
    for (const area of [...WARD_CODES, PETERBOROUGH]) {
      const o = observation(slug, period, area);
      assert.equal(o.group, "all");
      assert.equal(o.synthetic, false);
      assert.equal(o.suppressed, false);
      assert.equal(o.sourceId, sourceId);
      assert.equal(o.lowerCi, null);
      assert.equal(o.upperCi, null);
      assert.equal(o.sampleSize, null);
      assert.ok(
        o.value !== null && o.value >= range[0] && o.value <= range[1],
        `${slug} ${period} ${area} = ${o.value}`,
      );
      assert.ok(o.numerator !== null && o.denominator !== null && o.denominator > 0);
    }
  }
  assert.deepEqual(built.excludedLsoas, []);
});

test("Central's unpaid carers equal the sums of its LSOA rows in TS039", () => {
  const rows = new Map(
    raw("nomis-census2021/census2021-ts039-lsoa_E06000031.csv").map((r) => [r["geography code"]!, r]),
  );
  const lsoas = lsoasOfWard21(CENTRAL);
  assert.ok(lsoas.length >= 2);
  const total = sum(
    lsoas.map((l) => num(rows.get(l), "Provision of unpaid care: Total: All usual residents aged 5 and over")),
  );
  // Carers counted a second way: the three top-level bands of hours, not total minus "no care".
  const carers = sum(
    lsoas.map(
      (l) =>
        num(rows.get(l), "Provision of unpaid care: Provides 19 hours or less unpaid care a week") +
        num(rows.get(l), "Provision of unpaid care: Provides 20 to 49 hours unpaid care a week") +
        num(rows.get(l), "Provision of unpaid care: Provides 50 or more hours unpaid care a week"),
    ),
  );
  const o = observation("unpaid-carers", "2021", CENTRAL);
  assert.equal(o.numerator, carers);
  assert.equal(o.denominator, total);
  close(o.value, (100 * carers) / total);
});

test("Park's household deprivation counts categories 2, 3 and 4 over all five", () => {
  const park = new Set(lsoasOfWard21("E05010820"));
  let deprived = 0;
  let households = 0;
  for (const row of raw("humaniverse-imd/census21_deprivation_england_wales_lsoa21_E06000031.csv")) {
    if (!park.has(row.lsoa21_code!)) continue;
    const dimensions = num(row, "households_number_deprivation_dimensions");
    households += num(row, "count");
    if (dimensions >= 2) deprived += num(row, "count");
  }
  const o = observation("household-deprivation", "2021", "E05010820");
  assert.equal(o.numerator, deprived);
  assert.equal(o.denominator, households);
});

test("Peterborough is aggregated from counts: Σ ward numerators / Σ ward denominators", () => {
  for (const { slug, period } of EXPECTED) {
    const wards = WARD_CODES.map((ward) => observation(slug, period, ward));
    const numerator = sum(wards.map((o) => o.numerator!));
    const denominator = sum(wards.map((o) => o.denominator!));
    const pb = observation(slug, period, PETERBOROUGH);
    close(pb.numerator, numerator, 1e-9, `${slug} ${period} numerator`);
    close(pb.denominator, denominator, 1e-9, `${slug} ${period} denominator`);
    const scale = catalogueEntry(slug)!.unit === "percent" ? 100 : 1;
    close(pb.value, (scale * numerator) / denominator, 1e-9, `${slug} ${period} value`);
    // And not the mean of the ward rates, which differs whenever ward sizes differ.
    const meanOfRates = sum(wards.map((o) => o.value!)) / wards.length;
    assert.notEqual(pb.value, meanOfRates);
  }
});

test("Peterborough's population is the TS007a column total, and wards add up to it", () => {
  const total = sum([...ts007a.keys()].map(residents21));
  assert.equal(ts007a.size, 121);
  assert.equal(built.wardPopulation.get(PETERBOROUGH), total);
  assert.equal(built.wardPopulation.size, 23);
  assert.equal(sum(WARD_CODES.map((ward) => built.wardPopulation.get(ward)!)), total);
  assert.equal(built.wardPopulation.get(CENTRAL), sum(lsoasOfWard21(CENTRAL).map(residents21)));
  // The population-weighted scores are weighted by those same residents.
  assert.equal(observation("imd-score", "2025", PETERBOROUGH).denominator, total);
});

test("E01015688 counts in Central for 2021 data and in Fletton and Woodston for 2019 data", () => {
  const health = new Map(
    raw("nomis-census2021/census2021-ts037-lsoa_E06000031.csv").map((r) => [r["geography code"]!, r]),
  );
  const bad = (l: string) =>
    num(health.get(l), "General health: Bad health") + num(health.get(l), "General health: Very bad health");
  const central = lsoasOfWard21(CENTRAL);
  assert.ok(central.includes("E01015688"));
  assert.ok(!lsoasOfWard21(FLETTON_WOODSTON).includes("E01015688"));
  assert.equal(observation("bad-health", "2021", CENTRAL).numerator, sum(central.map(bad)));
  assert.ok(bad("E01015688") > 0, "the LSOA contributes, so the check can fail");

  // 2019 data are on LSOA 2011 and use the WD19 lookup, where E01015688 is in Fletton and Woodston.
  assert.equal(lsoa11ToWard.get("E01015688"), FLETTON_WOODSTON);
  // E01015688 is unchanged between 2011 and 2021, so its 2011 weight is its 2021 residents.
  const weight2019 = (ward: string) => observation("imd-score", "2019", ward).denominator!;
  const otherFletton = lsoasOfWard11(FLETTON_WOODSTON).filter((l) => l !== "E01015688");
  assert.ok(
    otherFletton.every((l) => ts007a.has(l)),
    "the other Fletton and Woodston LSOAs are unchanged too",
  );
  assert.equal(weight2019(FLETTON_WOODSTON), sum(otherFletton.map(residents21)) + residents21("E01015688"));
});

test("IMD score 2025 is the Census-weighted mean for a ward, and feeds wardImdScore", () => {
  const scores = new Map(raw("humaniverse-imd/imd2025_england_lsoa21_E06000031.csv").map((r) => [r.lsoa21_code!, r]));
  for (const ward of ["E05010805", CENTRAL]) {
    const lsoas = lsoasOfWard21(ward);
    const weighted = sum(lsoas.map((l) => residents21(l) * num(scores.get(l), "IMD_score")));
    const weights = sum(lsoas.map(residents21));
    close(observation("imd-score", "2025", ward).value, weighted / weights);
    close(built.wardImdScore.get(ward) ?? null, weighted / weights);
  }
  assert.deepEqual([...built.wardImdScore.keys()].sort(), WARD_CODES);
});

test("IMD score 2019 weights 2011 LSOAs by the Census 2021 residents of their 2021 children", () => {
  const children = new Map<string, string[]>();
  for (const row of raw("geographr-lookups/lsoa11_to_lsoa21_E06000031.csv")) {
    children.set(row.lsoa11_code!, [...(children.get(row.lsoa11_code!) ?? []), row.lsoa21_code!]);
  }
  const residents11 = (lsoa11: string) => sum((children.get(lsoa11) ?? []).map(residents21));
  const scores = new Map(raw("mysociety-composite-uk-imd/uk_imd_e_E06000031.csv").map((r) => [r.lsoa!, r]));
  // Pick a ward containing a split 2011 LSOA so the children sum matters.
  const split = [...children].find(([, kids]) => kids.length > 1);
  assert.ok(split);
  const ward = lsoa11ToWard.get(split[0])!;
  const lsoas = lsoasOfWard11(ward);
  const o = observation("imd-score", "2019", ward);
  assert.equal(o.denominator, sum(lsoas.map(residents11)));
  close(o.value, sum(lsoas.map((l) => residents11(l) * num(scores.get(l), "overall_local_score"))) / o.denominator!);
  // Every 2021 resident is counted once in 2019 too.
  assert.equal(observation("imd-score", "2019", PETERBOROUGH).denominator, built.wardPopulation.get(PETERBOROUGH));
});

test("income deprivation sums numerators over denominators recovered from the published rates", () => {
  const num25 = new Map(
    raw("humaniverse-imd/imd2025_england_lsoa21_indicators_E06000031.csv").map((r) => [r.lsoa21_code!, r]),
  );
  const rate25 = new Map(raw("humaniverse-imd/imd2025_england_lsoa21_E06000031.csv").map((r) => [r.lsoa21_code!, r]));
  const lsoas = lsoasOfWard21(CENTRAL);
  const n = lsoas.map((l) => num(num25.get(l), "income_domain_numerator"));
  const d = lsoas.map((l, i) => n[i]! / num(rate25.get(l), "Income_score"));
  const o = observation("income-deprivation", "2025", CENTRAL);
  assert.equal(o.numerator, sum(n));
  close(o.denominator, sum(d));
  close(o.value, (100 * sum(n)) / sum(d));
  // The recovered denominators are populations: close to Census 2021 residents (within 10 %).
  const residents = sum(lsoas.map(residents21));
  assert.ok(Math.abs(sum(d) / residents - 1) < 0.1, `denominator ${sum(d)} vs residents ${residents}`);

  const num19 = new Map(
    raw("humaniverse-imd/imd2019_england_lsoa11_indicators_E06000031.csv").map((r) => [r.lsoa11_code!, r]),
  );
  const rate19 = new Map(raw("mysociety-composite-uk-imd/uk_imd_e_E06000031.csv").map((r) => [r.lsoa!, r]));
  const lsoas19 = lsoasOfWard11("E05010808");
  const n19 = lsoas19.map((l) => num(num19.get(l), "income_domain_numerator"));
  const d19 = lsoas19.map((l, i) => n19[i]! / (num(rate19.get(l), "income_score") / 100));
  close(observation("income-deprivation", "2019", "E05010808").value, (100 * sum(n19)) / sum(d19));
});

test("adult skills weights each LSOA's rate by its residents aged 25–64", () => {
  const rates = new Map(
    raw("humaniverse-imd/imd2025_england_lsoa21_indicators_E06000031.csv").map((r) => [r.lsoa21_code!, r]),
  );
  const bands = ["25 to 29", "30 to 34", "35 to 39", "40 to 44", "45 to 49", "50 to 54", "55 to 59", "60 to 64"];
  const working = (l: string) => sum(bands.map((band) => num(ts007a.get(l), `Age: Aged ${band} years`)));
  const lsoas = lsoasOfWard21("E05010822");
  const people = sum(lsoas.map(working));
  const lacking = sum(
    lsoas.map((l) => working(l) * num(rates.get(l), "adult_skills_and_english_language_proficiency_indicator")),
  );
  const o = observation("adult-skills", "2025", "E05010822");
  assert.equal(o.denominator, people);
  close(o.value, (100 * lacking) / people);
});

test("digital connectivity is published with higher = slower (more deprived)", () => {
  // The broadband indicator feeds the Barriers to Housing and Services domain (higher = more
  // deprived). Holding the DfT connectivity score (higher = better connected) fixed, the domain
  // score must rise with the broadband value if a higher value means slower broadband.
  const ind = raw("humaniverse-imd/imd2025_england_lsoa21_indicators_E06000031.csv");
  const domain = new Map(raw("humaniverse-imd/imd2025_england_lsoa21_E06000031.csv").map((r) => [r.lsoa21_code!, r]));
  const x = ind.map((r) => num(r, "digital_connectivity_broadband_download_and_upload_speeds"));
  const z = ind.map((r) => num(r, "connectivity_score"));
  const y = ind.map((r) => num(domain.get(r.lsoa21_code!), "Housing_and_Services_score"));
  const rxy = correlation(x, y);
  const rxz = correlation(x, z);
  const ryz = correlation(y, z);
  const partial = (rxy - rxz * ryz) / Math.sqrt((1 - rxz ** 2) * (1 - ryz ** 2));
  assert.ok(ryz < 0, "better-connected places are less deprived on this domain");
  assert.ok(partial > 0.15, `partial correlation ${partial}`);
});

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => sum(v) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((value, i) => {
    const da = value - ma;
    const db = b[i]! - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  });
  return ab / Math.sqrt(aa * bb);
}

// --- guards -------------------------------------------------------------------------------

test("aggregation throws when the lookup lacks an LSOA the data has, or the data lacks one", () => {
  const wardOf = new Map([["L1", "W1"]]);
  const pair = { numerator: 1, denominator: 2 };
  assert.throws(
    () =>
      aggregateToAreas(
        new Map([
          ["L1", pair],
          ["L2", pair],
        ]),
        wardOf,
        { dataFile: "d.csv", lookupFile: "l.csv" },
      ),
    /l\.csv is missing LSOA L2, which d\.csv has/,
  );
  const both = new Map([
    ["L1", "W1"],
    ["L2", "W1"],
  ]);
  assert.throws(
    () => aggregateToAreas(new Map([["L1", pair]]), both, { dataFile: "d.csv", lookupFile: "l.csv" }),
    /d\.csv has no figures for LSOA L2/,
  );
  // Unless it was left out on purpose.
  const areas = aggregateToAreas(new Map([["L1", pair]]), both, { dataFile: "d", lookupFile: "l", leftOut: ["L2"] });
  assert.deepEqual(areas.get("W1"), pair);
  assert.deepEqual(areas.get(PETERBOROUGH), pair);
});

test("a lookup must name exactly 22 Peterborough wards", () => {
  const rows = WARD_CODES.slice(0, 21).map((ward, i) => ({ l: `L${i}`, w: ward, la: PETERBOROUGH }));
  const columns = { lsoa: "l", ward: "w", la: "la" };
  assert.throws(() => wardLookupFromRows(rows, columns, "x.csv"), /x\.csv: expected 22 wards but found 21/);
  const full = [...rows, { l: "L21", w: WARD_CODES[21]!, la: PETERBOROUGH }];
  assert.equal(wardLookupFromRows(full, columns, "x.csv").size, 22);
  assert.throws(
    () => wardLookupFromRows([...full, { l: "L0", w: WARD_CODES[1]!, la: PETERBOROUGH }], columns, "x.csv"),
    /L0 appears more than once/,
  );
});

test("income deprivation leaves out and reports LSOAs with empty or zero cells", () => {
  const numerators = [
    { code: "A", n: "50" },
    { code: "B", n: "" },
    { code: "C", n: "0" },
    { code: "D", n: "20" },
  ];
  const rates = [
    { code: "A", r: "0.25" },
    { code: "B", r: "0.1" },
    { code: "C", r: "0.2" },
    { code: "D", r: "" },
  ];
  const result = incomeDeprivationByLsoa(
    numerators,
    { code: "code", numerator: "n", source: "n.csv" },
    rates,
    { code: "code", rate: "r", source: "r.csv", rateScale: 1 },
    "2025",
  );
  assert.deepEqual([...result.figures], [["A", { numerator: 50, denominator: 200 }]]);
  assert.deepEqual(
    result.excluded.map((e) => e.lsoaCode),
    ["B", "C", "D"],
  );
});

test("the build throws a clear error when the ward lookup is missing an LSOA", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-raw-"));
  try {
    fs.cpSync(RAW, dir, { recursive: true });
    const lookup = path.join(dir, "geographr-lookups/lsoa21_to_ward24_E06000031.csv");
    const lines = fs.readFileSync(lookup, "utf8").split("\n");
    fs.writeFileSync(lookup, lines.filter((line) => !line.includes('"E01015688"')).join("\n"));
    assert.throws(
      () => buildRealIndicatorObservations(dir),
      /lsoa21_to_ward24_E06000031\.csv is missing LSOA E01015688/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

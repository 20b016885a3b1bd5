import { test } from "node:test";
import assert from "node:assert/strict";
import type { Observation } from "@/lib/domain/types";
import { INDICATOR_CATALOGUE } from "@/lib/indicators/catalogue";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import { generateSyntheticSurvey, simulateSurveyRespondents } from "@/lib/demo-data/synthetic-survey";
import { wilsonInterval } from "@/lib/stats/intervals";
import { FIXTURE_LA_CODE, FIXTURE_WARDS } from "./survey-wards.fixture";

const PERIODS = ["2021", "2022", "2023", "2024", "2025"];
const GROUPS = ["all", "age:16-34", "age:35-64", "age:65+"];
// Read from the catalogue directly, not through the module, so the test checks the module's choice.
const SURVEY_SLUGS = INDICATOR_CATALOGUE.filter((i) => i.sourceId === SOURCE_IDS.syntheticSurvey).map((i) => i.slug);
const AREAS = [...FIXTURE_WARDS.map((ward) => ward.code), FIXTURE_LA_CODE];

const ROWS = generateSyntheticSurvey({ wards: FIXTURE_WARDS, laCode: FIXTURE_LA_CODE });

function find(rows: readonly Observation[], slug: string, area: string, period: string, group: string): Observation {
  const row = rows.find(
    (r) => r.indicatorSlug === slug && r.areaCode === area && r.period === period && r.group === group,
  );
  assert.ok(row, `missing ${slug} ${area} ${period} ${group}`);
  return row;
}

function scaleOf(slug: string): number {
  const unit = INDICATOR_CATALOGUE.find((i) => i.slug === slug)?.unit;
  return unit === "per1000" ? 1000 : 100;
}

test("the catalogue has the 13 survey indicators the generator covers", () => {
  assert.equal(SURVEY_SLUGS.length, 13);
  assert.deepEqual([...new Set(ROWS.map((r) => r.indicatorSlug))].sort(), [...SURVEY_SLUGS].sort());
});

test("same seed gives identical output; a different seed gives different output", () => {
  const again = generateSyntheticSurvey({ wards: FIXTURE_WARDS, laCode: FIXTURE_LA_CODE });
  assert.deepEqual(again, ROWS);
  const explicitDefault = generateSyntheticSurvey({
    wards: FIXTURE_WARDS,
    laCode: FIXTURE_LA_CODE,
    seed: "civic-pulse-survey-v1",
    periods: PERIODS,
  });
  assert.deepEqual(explicitDefault, ROWS);
  const other = generateSyntheticSurvey({ wards: FIXTURE_WARDS, laCode: FIXTURE_LA_CODE, seed: "another-seed" });
  assert.equal(other.length, ROWS.length);
  const differing = other.filter((row, i) => row.value !== ROWS[i]?.value).length;
  assert.ok(differing > ROWS.length / 2, `only ${differing} rows differ`);
});

test("every indicator × area × period × group appears exactly once, all synthetic with provenance", () => {
  const keys = new Map<string, number>();
  for (const row of ROWS) {
    const key = `${row.indicatorSlug}|${row.areaCode}|${row.period}|${row.group}`;
    keys.set(key, (keys.get(key) ?? 0) + 1);
    assert.equal(row.synthetic, true);
    assert.equal(row.sourceId, SOURCE_IDS.syntheticSurvey);
  }
  assert.equal(ROWS.length, SURVEY_SLUGS.length * AREAS.length * PERIODS.length * GROUPS.length);
  for (const slug of SURVEY_SLUGS) {
    for (const area of AREAS) {
      for (const period of PERIODS) {
        for (const group of GROUPS) assert.equal(keys.get(`${slug}|${area}|${period}|${group}`), 1);
      }
    }
  }
});

test("the output does not depend on the order of the wards", () => {
  const reversed = generateSyntheticSurvey({ wards: [...FIXTURE_WARDS].reverse(), laCode: FIXTURE_LA_CODE });
  const key = (r: Observation) => `${r.indicatorSlug}|${r.areaCode}|${r.period}|${r.group}`;
  const byKey = new Map(reversed.map((r) => [key(r), r]));
  for (const row of ROWS) assert.deepEqual(byKey.get(key(row)), row);
});

test("custom periods are honoured", () => {
  const rows = generateSyntheticSurvey({
    wards: FIXTURE_WARDS.slice(0, 3),
    laCode: FIXTURE_LA_CODE,
    periods: ["2030"],
  });
  assert.deepEqual([...new Set(rows.map((r) => r.period))], ["2030"]);
  assert.equal(rows.length, SURVEY_SLUGS.length * 4 * GROUPS.length);
});

test("suppression: small cells carry no numbers at all, and no published cell has fewer than 10 respondents", () => {
  const suppressed = ROWS.filter((r) => r.suppressed);
  assert.ok(suppressed.length > 0, "expected at least one suppressed cell with the default seed");
  for (const row of suppressed) {
    assert.deepEqual(
      [row.value, row.lowerCi, row.upperCi, row.numerator, row.denominator, row.sampleSize],
      [null, null, null, null, null, null],
    );
  }
  for (const row of ROWS.filter((r) => !r.suppressed)) {
    assert.ok(row.sampleSize !== null && row.sampleSize >= 10, `${row.areaCode} ${row.group} n=${row.sampleSize}`);
    assert.ok(row.value !== null && row.lowerCi !== null && row.upperCi !== null && row.denominator !== null);
  }
  // Independently of the rows: suppressed exactly where the simulated microdata has < 10 respondents.
  const respondents = simulateSurveyRespondents({ wards: FIXTURE_WARDS, laCode: FIXTURE_LA_CODE });
  for (const ward of FIXTURE_WARDS) {
    for (const period of PERIODS) {
      for (const group of GROUPS) {
        const count = respondents.filter(
          (r) => r.areaCode === ward.code && r.period === period && (group === "all" || group === `age:${r.ageBand}`),
        ).length;
        const row = find(ROWS, "formal-volunteering", ward.code, period, group);
        assert.equal(row.suppressed, count < 10, `${ward.code} ${period} ${group}: ${count} respondents`);
        if (!row.suppressed) assert.equal(row.sampleSize, count);
      }
    }
  }
});

test("roughly 1 in 15 ward-periods has a much smaller sample; the rest have 60–180 respondents", () => {
  const sizes = FIXTURE_WARDS.flatMap((ward) =>
    PERIODS.map((period) => find(ROWS, "belonging", ward.code, period, "all")),
  ).map((row) => row.sampleSize);
  const small = sizes.filter((n) => n === null || n < 30).length;
  assert.ok(small >= 1 && small <= 20, `${small} small ward-periods of ${sizes.length}`);
  for (const n of sizes) if (n !== null && n >= 30) assert.ok(n >= 60 && n <= 180, `n=${n}`);
});

test("age groups partition the respondents: their sample sizes add up to the 'all' row", () => {
  for (const area of AREAS) {
    for (const period of PERIODS) {
      const parts = GROUPS.slice(1).map((g) => find(ROWS, "trust-neighbours", area, period, g));
      if (parts.some((p) => p.suppressed)) continue;
      const all = find(ROWS, "trust-neighbours", area, period, "all");
      assert.equal(
        all.sampleSize,
        parts.reduce((sum, p) => sum + (p.sampleSize ?? 0), 0),
      );
      near(
        all.denominator!,
        parts.reduce((sum, p) => sum + (p.denominator ?? 0), 0),
        0.03,
      );
    }
  }
});

function near(actual: number, expected: number, tolerance: number, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

test("intervals bracket the value, and values stay on their scale", () => {
  for (const row of ROWS.filter((r) => !r.suppressed)) {
    const { value, lowerCi, upperCi } = row as { value: number; lowerCi: number; upperCi: number };
    assert.ok(
      lowerCi <= value && value <= upperCi,
      `${row.indicatorSlug} ${row.areaCode}: ${lowerCi} ${value} ${upperCi}`,
    );
    if (row.indicatorSlug === "wellbeing-resilience") {
      assert.ok(value >= 7 && value <= 35);
      assert.equal(row.numerator, null);
    } else {
      const scale = scaleOf(row.indicatorSlug);
      assert.ok(lowerCi >= 0 && upperCi <= scale);
      // value = numerator / denominator on the indicator's scale (within rounding of the stored counts).
      // Tolerance: value rounded to 0.005, numerator and denominator each to 0.005.
      near(
        value,
        (scale * row.numerator!) / row.denominator!,
        0.005 + (scale * 0.01) / row.denominator!,
        row.indicatorSlug,
      );
    }
  }
});

test("formal volunteering falls with deprivation: r(IMD, 2025 value) < −0.4 across the 22 wards", () => {
  const pairs = FIXTURE_WARDS.map((ward) => [
    ward.imdScore,
    find(ROWS, "formal-volunteering", ward.code, "2025", "all").value,
  ]).filter((pair): pair is [number, number] => pair[1] !== null);
  assert.ok(pairs.length >= 18);
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  const sxy = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const syy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const r = sxy / Math.sqrt(sxx * syy);
  assert.ok(r < -0.4, `r = ${r}`);
});

test("the LA row pools its wards' respondents: counts add up, not an average of ward rates", () => {
  let checked = 0;
  for (const slug of SURVEY_SLUGS.filter((s) => s !== "wellbeing-resilience")) {
    for (const period of PERIODS) {
      for (const group of GROUPS) {
        const wards = FIXTURE_WARDS.map((ward) => find(ROWS, slug, ward.code, period, group));
        if (wards.some((w) => w.suppressed)) continue;
        const la = find(ROWS, slug, FIXTURE_LA_CODE, period, group);
        const numerator = wards.reduce((sum, w) => sum + w.numerator!, 0);
        const denominator = wards.reduce((sum, w) => sum + w.denominator!, 0);
        // Each stored count is rounded to 0.01, so 22 of them can drift by up to 0.11.
        near(la.numerator!, numerator, 0.12, `${slug} ${period} ${group} numerator`);
        near(la.denominator!, denominator, 0.12, `${slug} ${period} ${group} denominator`);
        near(
          la.value!,
          (scaleOf(slug) * numerator) / denominator,
          0.005 + (scaleOf(slug) * 0.25) / denominator,
          `${slug} value`,
        );
        assert.equal(
          la.sampleSize,
          wards.reduce((sum, w) => sum + w.sampleSize!, 0),
        );
        checked++;
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} LA cells had no suppressed ward`);
});

test("survey weights widen intervals beyond the unweighted Wilson interval for the same p and n", () => {
  let checked = 0;
  for (const row of ROWS) {
    if (row.suppressed || row.indicatorSlug === "wellbeing-resilience") continue;
    const scale = scaleOf(row.indicatorSlug);
    const n = row.sampleSize!;
    const plain = wilsonInterval((row.numerator! / row.denominator!) * n, n);
    const plainWidth = (plain.upper - plain.lower) * scale;
    const weightedWidth = row.upperCi! - row.lowerCi!;
    assert.ok(
      weightedWidth > plainWidth + 0.02,
      `${row.indicatorSlug} ${row.areaCode}: ${weightedWidth} vs ${plainWidth}`,
    );
    checked++;
  }
  assert.ok(checked > 4000);
});

test("LA levels sit in Community Life Survey-like ranges in every year", () => {
  const ranges: Record<string, [number, number]> = {
    "formal-volunteering": [16, 27],
    "informal-help": [25, 40],
    "neighbours-help": [55, 80],
    "trust-neighbours": [30, 55],
    "civic-action": [20, 40],
    "can-influence": [15, 35],
    belonging: [50, 75],
    "chronic-loneliness": [5, 11],
    "hyperlocal-online": [10, 25],
    "acts-of-kindness": [60, 80],
    "confidence-to-act": [15, 30],
    "time-banking": [5, 40],
    "wellbeing-resilience": [23, 26],
  };
  assert.deepEqual(Object.keys(ranges).sort(), [...SURVEY_SLUGS].sort());
  for (const [slug, [low, high]] of Object.entries(ranges)) {
    for (const period of PERIODS) {
      const value = find(ROWS, slug, FIXTURE_LA_CODE, period, "all").value!;
      assert.ok(value >= low && value <= high, `${slug} ${period}: ${value} outside ${low}–${high}`);
    }
  }
});

test("the model's structure shows in the LA rows: age gradients and trends", () => {
  for (const period of PERIODS) {
    const young = find(ROWS, "belonging", FIXTURE_LA_CODE, period, "age:16-34").value!;
    const old = find(ROWS, "belonging", FIXTURE_LA_CODE, period, "age:65+").value!;
    assert.ok(old > young, `belonging ${period}: 65+ ${old} vs 16-34 ${young}`);
  }
  const online = (period: string) => find(ROWS, "hyperlocal-online", FIXTURE_LA_CODE, period, "all").value!;
  assert.ok(online("2025") > online("2021"), "hyper-local online activity should rise");
  // Loneliness rises with deprivation: the most deprived third of wards is lonelier on average.
  const sorted = [...FIXTURE_WARDS].sort((a, b) => a.imdScore - b.imdScore);
  const mean = (codes: string[]) => {
    const values = codes
      .flatMap((code) => PERIODS.map((p) => find(ROWS, "chronic-loneliness", code, p, "all").value))
      .filter((v): v is number => v !== null);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  assert.ok(mean(sorted.slice(-7).map((w) => w.code)) > mean(sorted.slice(0, 7).map((w) => w.code)));
});

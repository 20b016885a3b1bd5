import { test } from "node:test";
import assert from "node:assert/strict";
import { summariseArea, comparisonSentence, SUMMARY_LIMIT } from "@/lib/indicators/summary";
import { catalogueEntry } from "@/lib/indicators/catalogue";
import type { Indicator, Observation } from "@/lib/domain/types";

function indicator(slug: string): Indicator {
  const entry = catalogueEntry(slug);
  assert.ok(entry, `catalogue has ${slug}`);
  return entry;
}

function obs(
  slug: string,
  areaCode: string,
  value: number | null,
  lowerCi: number | null = null,
  upperCi: number | null = null,
  extra: Partial<Observation> = {},
): Observation {
  return {
    indicatorSlug: slug,
    areaCode,
    period: "2025",
    group: "all",
    value,
    lowerCi,
    upperCi,
    numerator: null,
    denominator: null,
    sampleSize: null,
    suppressed: false,
    synthetic: true,
    sourceId: "test",
    ...extra,
  };
}

const WARD = "E05000001";
const LA = "E06000031";

function row(slug: string, ward: [number, number, number] | Observation | null, parentValue: number | null) {
  return {
    indicator: indicator(slug),
    ward: Array.isArray(ward) ? obs(slug, WARD, ward[0], ward[1], ward[2]) : ward,
    parent: parentValue === null ? null : obs(slug, LA, parentValue, parentValue - 1, parentValue + 1),
  };
}

function summarise(comparisons: ReturnType<typeof row>[]) {
  return summariseArea({ areaName: "Central", parentName: "Peterborough", comparisons });
}

test("non-significant differences never produce a sentence", () => {
  const summary = summarise([
    row("formal-volunteering", [22, 17.5, 27.1], 27), // interval contains 27: similar
    row("belonging", [70, 62.9, 76], 63), // lower limit below 63: similar
    row("chronic-loneliness", [6, 4, 8], 8), // upper limit equals 8: not significant
  ]);
  assert.deepEqual(summary, { strengths: [], gaps: [] });
});

test("polarity is respected: more loneliness is a gap, less belonging is a gap, more volunteering a strength", () => {
  const summary = summarise([
    row("chronic-loneliness", [12, 10, 14], 8),
    row("belonging", [56, 52, 60], 63),
    row("formal-volunteering", [35, 30, 40], 27),
  ]);
  assert.deepEqual(summary.gaps.map((s) => s.slug).sort(), ["belonging", "chronic-loneliness"]);
  assert.deepEqual(
    summary.strengths.map((s) => s.slug),
    ["formal-volunteering"],
  );
  const lonely = summarise([row("chronic-loneliness", [5, 3, 7], 8)]);
  assert.deepEqual(
    lonely.strengths.map((s) => s.slug),
    ["chronic-loneliness"],
  );
});

test("sentences quote the inputs, formatted with the indicator's unit and decimals", () => {
  const summary = summarise([row("belonging", [56, 52, 60], 63), row("time-banking", [40, 30, 52], 12)]);
  const belonging = summary.gaps[0]!;
  assert.equal(
    belonging.text,
    "A lower share of adults here feel they belong strongly to their neighbourhood than across Peterborough (56.0% vs 63.0%).",
  );
  assert.equal(belonging.wardValue, 56);
  assert.equal(belonging.parentValue, 63);
  const timeBank = summary.strengths[0]!;
  assert.equal(
    timeBank.text,
    "More adults here are members of a time bank or skills exchange than across Peterborough (40 per 1,000 vs 12 per 1,000).",
  );
});

test("ordered by relative difference, at most three of each", () => {
  const summary = summarise([
    row("informal-help", [40, 36, 44], 30), // +33 %
    row("formal-volunteering", [30, 28, 32], 25), // +20 %
    row("civic-action", [45, 40, 50], 25), // +80 %
    row("trust-neighbours", [60, 56, 64], 50), // +20 % ... equal to volunteering: input order
    row("can-influence", [33, 31, 35], 30), // +10 %
  ]);
  assert.equal(SUMMARY_LIMIT, 3);
  assert.deepEqual(
    summary.strengths.map((s) => s.slug),
    ["civic-action", "informal-help", "formal-volunteering"],
  );
});

test("figures without intervals, suppressed cells, 'neither' indicators and mismatched periods are left out", () => {
  const summary = summarise([
    row("bad-health", obs("bad-health", WARD, 9), 5), // census count, no interval
    row("unpaid-carers", [15, 12, 18], 9), // significant but polarity neither
    row("belonging", obs("belonging", WARD, null, null, null, { suppressed: true }), 63),
    row("formal-volunteering", obs("formal-volunteering", WARD, 40, 35, 45, { period: "2024" }), 27),
    row("trust-neighbours", [20, 15, 25], null),
  ]);
  assert.deepEqual(summary, { strengths: [], gaps: [] });
});

test("score indicators and unknown indicators read naturally", () => {
  assert.equal(
    comparisonSentence(indicator("wellbeing-resilience"), 22.44, 24.3, "Peterborough"),
    "Average mental wellbeing (SWEMWBS score) is lower here than across Peterborough (22.4 vs 24.3).",
  );
  const imported: Indicator = { ...indicator("belonging"), slug: "park-visits", shortTitle: "Park visits" };
  assert.equal(
    comparisonSentence(imported, 41, 30, "Peterborough"),
    "The figure for park visits is higher here than across Peterborough (41.0% vs 30.0%).",
  );
  const acronym: Indicator = { ...imported, shortTitle: "SWEMWBS top decile" };
  assert.match(comparisonSentence(acronym, 41, 30, "Peterborough"), /^The figure for SWEMWBS top decile is higher/);
});

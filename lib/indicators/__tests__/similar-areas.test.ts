import { test } from "node:test";
import assert from "node:assert/strict";
import { catalogueEntry } from "@/lib/indicators/catalogue";
import { findSimilarAreas, DEPRIVATION_PROFILE_KEYS, type AreaProfile } from "@/lib/indicators/similar-areas";

function near(actual: number, expected: number, tolerance: number, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

const profile = (code: string, values: Record<string, number | null>): AreaProfile => ({
  code,
  name: `Ward ${code}`,
  values,
});

/** Sample SD, by hand. */
function sd(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

test("nearest areas by z-scored Euclidean distance, nearest first, target excluded", () => {
  const imd = [10, 20, 22, 40, 50];
  const health = [4, 6, 5, 9, 12];
  const profiles = imd.map((v, i) => profile(String.fromCharCode(65 + i), { imd: v, health: health[i]! }));
  const result = findSimilarAreas("B", profiles, ["imd", "health"], 5);
  assert.equal(result.length, 4);
  assert.ok(!result.some((r) => r.code === "B"));
  // Expected distances computed independently: z-score every value, then Euclid.
  const zi = imd.map((v) => (v - imd.reduce((a, b) => a + b, 0) / 5) / sd(imd));
  const zh = health.map((v) => (v - health.reduce((a, b) => a + b, 0) / 5) / sd(health));
  const expected = [0, 2, 3, 4]
    .map((i) => ({ code: String.fromCharCode(65 + i), d: Math.hypot(zi[i]! - zi[1]!, zh[i]! - zh[1]!) }))
    .sort((a, b) => a.d - b.d);
  assert.deepEqual(
    result.map((r) => r.code),
    expected.map((e) => e.code),
  );
  result.forEach((r, i) => near(r.distance, expected[i]!.d, 1e-12, r.code));
  assert.equal(result[0]!.code, "C");
});

test("units do not matter: rescaling one indicator leaves the result unchanged", () => {
  const profiles = [
    profile("A", { imd: 10, pct: 0.1 }),
    profile("B", { imd: 30, pct: 0.15 }),
    profile("C", { imd: 12, pct: 0.3 }),
    profile("D", { imd: 28, pct: 0.12 }),
  ];
  const scaled = profiles.map((p) => ({ ...p, values: { ...p.values, pct: p.values.pct! * 1000 } }));
  assert.deepEqual(findSimilarAreas("A", scaled, ["imd", "pct"]), findSimilarAreas("A", profiles, ["imd", "pct"]));
});

test("missing values are skipped and the distance is rescaled to all keys", () => {
  const profiles = [
    profile("T", { a: 0, b: 0 }),
    profile("X", { a: 1, b: null }),
    profile("Y", { a: 1, b: 1 }),
    profile("Z", { a: null, b: null }), // shares nothing with T: left out
    profile("W", { a: 3, b: 2 }),
  ];
  const result = findSimilarAreas("T", profiles, ["a", "b"]);
  assert.deepEqual(result.map((r) => r.code).sort(), ["W", "X", "Y"]);
  const sdA = sd([0, 1, 1, 3]);
  const sdB = sd([0, 1, 2]);
  const x = result.find((r) => r.code === "X")!;
  assert.equal(x.keysCompared, 1);
  near(x.distance, Math.sqrt((1 / sdA) ** 2 * 2), 1e-12, "X rescaled");
  near(result.find((r) => r.code === "Y")!.distance, Math.hypot(1 / sdA, 1 / sdB), 1e-12, "Y");
});

test("constant keys are ignored, count is respected, ties go by name, unknown targets throw", () => {
  const profiles = [
    profile("T", { a: 5, flat: 1 }),
    profile("Q", { a: 6, flat: 1 }),
    profile("P", { a: 4, flat: 1 }),
    profile("R", { a: 9, flat: 1 }),
  ];
  const result = findSimilarAreas("T", profiles, ["a", "flat"], 2);
  assert.deepEqual(
    result.map((r) => r.code),
    ["P", "Q"],
  ); // equal distance: Ward P before Ward Q
  assert.equal(result[0]!.keysCompared, 1);
  assert.equal(result[0]!.distance, result[1]!.distance);
  assert.throws(() => findSimilarAreas("nope", profiles, ["a"]), RangeError);
  assert.deepEqual(findSimilarAreas("T", profiles, ["flat"]), []);
});

test("the deprivation profile keys are context indicators in the catalogue", () => {
  assert.equal(DEPRIVATION_PROFILE_KEYS.length, 5);
  for (const key of DEPRIVATION_PROFILE_KEYS) assert.equal(catalogueEntry(key)?.domain, "context", key);
});

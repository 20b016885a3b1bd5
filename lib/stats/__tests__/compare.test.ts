import { test } from "node:test";
import assert from "node:assert/strict";
import { compareWithBenchmark } from "@/lib/stats/compare";

const benchmark = { value: 27, lowerCi: 25.5, upperCi: 28.5 };
const area = (value: number | null, lowerCi: number | null, upperCi: number | null, suppressed = false) => ({
  value,
  lowerCi,
  upperCi,
  suppressed,
});

test("an interval wholly above the benchmark value is higher; polarity decides better or worse", () => {
  const above = area(35, 29, 41);
  assert.deepEqual(
    [
      compareWithBenchmark(above, benchmark, "higher-better").significance,
      compareWithBenchmark(above, benchmark, "higher-better").rating,
    ],
    ["higher", "better"],
  );
  assert.equal(compareWithBenchmark(above, benchmark, "lower-better").rating, "worse");
  assert.equal(compareWithBenchmark(above, benchmark, "lower-better").significance, "higher");
});

test("an interval wholly below the benchmark value is lower", () => {
  const below = area(20, 15, 25);
  assert.equal(compareWithBenchmark(below, benchmark, "higher-better").significance, "lower");
  assert.equal(compareWithBenchmark(below, benchmark, "higher-better").rating, "worse");
  assert.equal(compareWithBenchmark(below, benchmark, "lower-better").rating, "better");
});

test("the benchmark VALUE is used, not interval overlap", () => {
  // 28–34 overlaps the benchmark's interval (25.5–28.5) but lies wholly above its value, 27.
  const overlapping = area(31, 28, 34);
  assert.equal(compareWithBenchmark(overlapping, benchmark, "higher-better").significance, "higher");
  // An interval containing the value is similar however far its point estimate is.
  const wide = area(40, 26.9, 53);
  assert.equal(compareWithBenchmark(wide, benchmark, "higher-better").rating, "similar");
});

test("a limit exactly on the benchmark value is similar (the test is strict)", () => {
  assert.equal(compareWithBenchmark(area(30, 27, 33), benchmark, "higher-better").significance, "similar");
  assert.equal(compareWithBenchmark(area(24, 21, 27), benchmark, "higher-better").significance, "similar");
});

test("polarity neither reports significance but no rating", () => {
  const result = compareWithBenchmark(area(35, 29, 41), benchmark, "neither");
  assert.equal(result.significance, "higher");
  assert.equal(result.rating, "not-compared");
  assert.equal(compareWithBenchmark(area(27, 25, 29), benchmark, "neither").rating, "not-compared");
  assert.equal(compareWithBenchmark(area(27, 25, 29), benchmark, "neither").significance, "similar");
});

test("suppressed, missing and interval-less figures are not compared, with a reason", () => {
  const suppressed = compareWithBenchmark(area(null, null, null, true), benchmark, "higher-better");
  assert.equal(suppressed.significance, "not-compared");
  assert.match(suppressed.reason, /suppressed/);

  const census = compareWithBenchmark(
    area(5.1, null, null),
    { value: 4.2, lowerCi: null, upperCi: null },
    "lower-better",
  );
  assert.equal(census.rating, "not-compared");
  assert.match(census.reason, /no confidence interval/i);

  assert.equal(compareWithBenchmark(area(null, null, null), benchmark, "higher-better").rating, "not-compared");
  assert.equal(
    compareWithBenchmark(area(30, 28, 32), { value: null, lowerCi: null, upperCi: null }, "higher-better").rating,
    "not-compared",
  );
});

test("an inverted interval is a data error", () => {
  assert.throws(() => compareWithBenchmark(area(30, 32, 28), benchmark, "higher-better"), RangeError);
});

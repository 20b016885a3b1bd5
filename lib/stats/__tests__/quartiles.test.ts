import { test } from "node:test";
import assert from "node:assert/strict";
import { quartiles } from "@/lib/stats/quartiles";

test("five-number summary matches R's quantile(type = 7)", () => {
  // R: quantile(c(1, 2, 3, 4, 10)) -> 1, 2, 3, 4, 10 ; quantile(1:10) -> 1, 3.25, 5.5, 7.75, 10
  assert.deepEqual(quartiles([10, 1, 3, 2, 4]), { min: 1, q1: 2, median: 3, q3: 4, max: 10, count: 5 });
  assert.deepEqual(quartiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), {
    min: 1,
    q1: 3.25,
    median: 5.5,
    q3: 7.75,
    max: 10,
    count: 10,
  });
  assert.equal(quartiles([7]).median, 7);
  assert.throws(() => quartiles([]), RangeError);
});

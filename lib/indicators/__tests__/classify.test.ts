import { test } from "node:test";
import assert from "node:assert/strict";
import { classIndex, paletteForPolarity, quantileBreaks } from "@/lib/indicators/classify";

const paletteFor = (classes: number) => paletteForPolarity("higher-better", classes);

test("quantile breaks split 10 values into 5 classes of 2", () => {
  const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  const classes = quantileBreaks(values, 5);
  assert.equal(classes.min, 1);
  assert.equal(classes.max, 10);
  const counts = [0, 0, 0, 0, 0];
  for (const v of values) counts[classIndex(v, classes)]!++;
  assert.deepEqual(counts, [2, 2, 2, 2, 2]);
});

test("tied values collapse duplicate breaks and stay in one class", () => {
  const classes = quantileBreaks([5, 5, 5, 5, 5, 5], 5);
  assert.equal(classes.breaks.length, 1);
  assert.equal(new Set([5, 5, 5].map((v) => classIndex(v, classes))).size, 1);
});

test("values beyond the last break fall in the top class", () => {
  const classes = quantileBreaks([1, 2, 3, 4, 5], 5);
  assert.equal(classIndex(100, classes), classes.breaks.length);
  assert.equal(classIndex(-1, classes), 0);
});

test("palettes shorter than five spread across the ramp, lightest to darkest", () => {
  const three = paletteFor(3);
  assert.equal(three.length, 3);
  assert.equal(three[0], paletteFor(5)[0]);
  assert.equal(three[2], paletteFor(5)[4]);
});

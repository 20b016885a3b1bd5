import { test } from "node:test";
import assert from "node:assert/strict";
import { createRandom, hashString, mulberry32 } from "@/lib/stats/random";

test("hashString is cyrb53: the reference implementation's published values", () => {
  assert.equal(hashString("a"), 7929297801672961);
  assert.equal(hashString("b"), 8684336938537663);
  assert.equal(hashString("revenge"), 4051478007546757);
  assert.equal(hashString("revenue"), 8309097637345594);
  assert.equal(hashString("revenue", 1), 8697026808958300);
});

test("mulberry32 reproduces the reference sequence for seed 1", () => {
  const next = mulberry32(1);
  assert.deepEqual([next(), next(), next()], [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
});

test("createRandom is deterministic per seed, and number and string seeds agree", () => {
  const draw = (seed: number | string) => {
    const random = createRandom(seed);
    return Array.from({ length: 50 }, () => random.next());
  };
  assert.deepEqual(draw("civic-pulse"), draw("civic-pulse"));
  assert.notDeepEqual(draw("civic-pulse"), draw("civic-pulse-2"));
  assert.deepEqual(draw(42), draw("42"));
});

test("next() stays in [0, 1) with a mean near 1/2", () => {
  const random = createRandom("uniform");
  let sum = 0;
  for (let i = 0; i < 20000; i++) {
    const u = random.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
  }
  // SE of the mean is √(1/12 / 20000) ≈ 0.002; allow 5 SE.
  assert.ok(Math.abs(sum / 20000 - 0.5) < 0.01);
});

test("normal() has the requested mean and SD", () => {
  const random = createRandom("normal");
  const draws = Array.from({ length: 20000 }, () => random.normal(24, 4));
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1));
  // SE of the mean 4/√20000 ≈ 0.028; SE of the SD ≈ 4/√40000 = 0.02.
  assert.ok(Math.abs(mean - 24) < 0.15, `mean ${mean}`);
  assert.ok(Math.abs(sd - 4) < 0.1, `sd ${sd}`);
});

test("int() covers both ends inclusively and nothing outside", () => {
  const random = createRandom("int");
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const value = random.int(3, 7);
    assert.ok(Number.isInteger(value) && value >= 3 && value <= 7);
    seen.add(value);
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
  assert.equal(random.int(5, 5), 5);
  assert.throws(() => random.int(4, 3), RangeError);
});

test("pick() returns members, reaches all of them, and rejects an empty array", () => {
  const random = createRandom("pick");
  const items = ["a", "b", "c"] as const;
  const seen = new Set(Array.from({ length: 300 }, () => random.pick(items)));
  assert.deepEqual([...seen].sort(), ["a", "b", "c"]);
  assert.throws(() => random.pick([]), RangeError);
});

test("binomial() has mean n·p and respects its bounds", () => {
  const random = createRandom("binomial");
  let total = 0;
  for (let i = 0; i < 2000; i++) {
    const value = random.binomial(50, 0.3);
    assert.ok(Number.isInteger(value) && value >= 0 && value <= 50);
    total += value;
  }
  // Mean 15, SE √(50 × 0.21 / 2000) ≈ 0.072.
  assert.ok(Math.abs(total / 2000 - 15) < 0.4, `mean ${total / 2000}`);
  assert.equal(random.binomial(20, 0), 0);
  assert.equal(random.binomial(20, 1), 20);
  assert.equal(random.binomial(0, 0.5), 0);
  assert.throws(() => random.binomial(2.5, 0.5), RangeError);
  assert.throws(() => random.binomial(5, 1.2), RangeError);
});

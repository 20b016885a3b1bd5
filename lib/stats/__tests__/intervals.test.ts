import { test } from "node:test";
import assert from "node:assert/strict";
import {
  designEffect,
  effectiveSampleSize,
  logGamma,
  meanTInterval,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  weightedMean,
  weightedProportion,
  wilsonInterval,
} from "@/lib/stats/intervals";

function near(actual: number, expected: number, tolerance: number, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

test("normalQuantile matches published values (R qnorm) and is antisymmetric", () => {
  near(normalQuantile(0.975), 1.959963984540054, 1e-12, "q(0.975)");
  near(normalQuantile(0.025), -1.959963984540054, 1e-12, "q(0.025)");
  near(normalQuantile(0.5), 0, 1e-15, "q(0.5)");
  near(normalQuantile(0.999), 3.090232306167813, 1e-12, "q(0.999)");
  near(normalQuantile(0.995), 2.5758293035489, 1e-11, "q(0.995)");
  // Far tail (AS 241's third branch): qnorm(1e-10) = -6.361340902404056.
  near(normalQuantile(1e-10), -6.361340902404056, 1e-10, "q(1e-10)");
  // Φ(1) = 0.8413447460685429, so its quantile is 1.
  near(normalQuantile(0.8413447460685429), 1, 1e-12, "q(Φ(1))");
  for (const p of [0.001, 0.03, 0.2, 0.4]) near(normalQuantile(p), -normalQuantile(1 - p), 1e-12, `antisymmetry ${p}`);
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.throws(() => normalQuantile(1.5), RangeError);
});

test("logGamma and the regularised incomplete beta match closed forms", () => {
  near(logGamma(5), Math.log(24), 1e-12, "ln Γ(5)");
  near(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-12, "ln Γ(1/2)");
  near(logGamma(0.25), Math.log(3.625609908221908), 1e-12, "ln Γ(1/4)");
  for (const x of [0.01, 0.3, 0.5, 0.77, 0.99]) {
    near(regularizedIncompleteBeta(x, 1, 1), x, 1e-12, `I(${x};1,1)`);
    near(regularizedIncompleteBeta(x, 3.5, 1), x ** 3.5, 1e-12, `I(${x};3.5,1)`);
    near(regularizedIncompleteBeta(x, 1, 2.5), 1 - (1 - x) ** 2.5, 1e-12, `I(${x};1,2.5)`);
  }
});

test("studentTQuantile matches t tables to 3 decimals and closed forms exactly", () => {
  near(studentTQuantile(0.975, 10), 2.228, 5e-4, "t(0.975, 10)");
  near(studentTQuantile(0.975, 30), 2.042, 5e-4, "t(0.975, 30)");
  near(studentTQuantile(0.995, 5), 4.032, 5e-4, "t(0.995, 5)");
  near(studentTQuantile(0.95, 20), 1.725, 5e-4, "t(0.95, 20)");
  near(studentTQuantile(0.975, 120), 1.98, 5e-4, "t(0.975, 120)");
  // df = 1 is the Cauchy distribution: t = tan(π(p − ½)).
  for (const p of [0.6, 0.9, 0.975, 0.995]) {
    near(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-8 * Math.tan(Math.PI * (p - 0.5)), `df=1 p=${p}`);
  }
  // df = 2 has t = (2p − 1) / √(2p(1 − p)).
  for (const p of [0.6, 0.9, 0.975, 0.9995]) {
    near(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-9, `df=2 p=${p}`);
  }
  near(studentTQuantile(0.025, 10), -studentTQuantile(0.975, 10), 1e-12, "symmetry");
  near(studentTQuantile(0.975, 1e7), normalQuantile(0.975), 1e-6, "large df → normal");
  assert.equal(studentTQuantile(0.975, Infinity), normalQuantile(0.975));
  // Fractional df (from effective sample sizes) sit between their integer neighbours.
  const between = studentTQuantile(0.975, 10.5);
  assert.ok(between < studentTQuantile(0.975, 10) && between > studentTQuantile(0.975, 11));
});

test("studentTCdf inverts studentTQuantile and matches the df = 2 closed form", () => {
  for (const df of [1, 3, 7.5, 40]) {
    for (const p of [0.01, 0.3, 0.8, 0.999])
      near(studentTCdf(studentTQuantile(p, df), df), p, 1e-10, `df=${df} p=${p}`);
  }
  for (const t of [-3, -0.5, 0, 1.2, 8])
    near(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-12, `cdf(${t}, 2)`);
});

test("wilsonInterval: 81 of 263 at 95% is (0.2553, 0.3662)", () => {
  // By hand: p = 81/263 = 0.30798, z = 1.95996, z²/n = 0.014606.
  // centre = (p + z²/2n) / (1 + z²/n) = 0.315283 / 1.014606 = 0.310745
  // half   = z/(1 + z²/n) × √(p(1−p)/n + z²/4n²) = 1.931748 × √(0.00081037 + 0.00001388) = 0.055460
  const { lower, upper } = wilsonInterval(81, 263);
  near(lower, 0.2553, 5e-5, "lower");
  near(upper, 0.3662, 5e-5, "upper");
});

test("wilsonInterval edge cases: 0/n and n/n stay inside [0, 1] with the closed-form far end", () => {
  const z2 = 1.959963984540054 ** 2;
  const none = wilsonInterval(0, 50);
  assert.equal(none.lower, 0);
  // With p = 0 the upper limit reduces to z² / (n + z²).
  near(none.upper, z2 / (50 + z2), 1e-12, "0/50 upper");
  const all = wilsonInterval(50, 50);
  assert.equal(all.upper, 1);
  near(all.lower, 50 / (50 + z2), 1e-12, "50/50 lower");
  // Complement symmetry: the interval for k of n mirrors the one for n − k.
  const a = wilsonInterval(7, 40);
  const b = wilsonInterval(33, 40);
  near(a.lower, 1 - b.upper, 1e-12, "mirror lower");
  near(a.upper, 1 - b.lower, 1e-12, "mirror upper");
});

test("wilsonInterval accepts weighted (non-integer) counts, contains p, widens with confidence", () => {
  const weighted = wilsonInterval(20.37, 61.8);
  const p = 20.37 / 61.8;
  assert.ok(weighted.lower < p && p < weighted.upper);
  const at95 = wilsonInterval(30, 100);
  const at99 = wilsonInterval(30, 100, 0.99);
  assert.ok(at99.lower < at95.lower && at99.upper > at95.upper);
  // n = 0 has no estimate: documented to throw rather than return NaN.
  assert.throws(() => wilsonInterval(0, 0), RangeError);
  assert.throws(() => wilsonInterval(11, 10), RangeError);
  assert.throws(() => wilsonInterval(-1, 10), RangeError);
  assert.throws(() => wilsonInterval(1, 10, 1), RangeError);
});

test("effectiveSampleSize and designEffect follow Kish", () => {
  assert.equal(effectiveSampleSize([2, 2, 2, 2]), 4);
  // (1 + 2 + 3)² / (1 + 4 + 9) = 36 / 14
  near(effectiveSampleSize([1, 2, 3]), 36 / 14, 1e-12);
  // deff = 1 + CV²: mean 2, population variance 2/3, CV² = 1/6.
  near(designEffect([1, 2, 3]), 1 + 1 / 6, 1e-12);
  assert.equal(designEffect([5, 5, 5]), 1);
  assert.equal(effectiveSampleSize([]), 0);
  assert.throws(() => designEffect([]), RangeError);
  assert.throws(() => effectiveSampleSize([1, -1]), RangeError);
});

test("weightedProportion: equal weights give the plain Wilson interval; unequal weights widen it", () => {
  const answers = [true, false, false, true, false, false, false, true, false, false];
  const equal = weightedProportion(
    answers,
    answers.map(() => 1),
  );
  assert.equal(equal.proportion, 0.3);
  assert.deepEqual(equal.interval, wilsonInterval(3, 10));

  // 200 respondents, "yes" when i % 10 < 3, weight 0.5 for even i and 1.5 for odd i.
  const many = Array.from({ length: 200 }, (_, i) => i % 10 < 3);
  const weights = many.map((_, i) => (i % 2 === 0 ? 0.5 : 1.5));
  const estimate = weightedProportion(many, weights);
  // By hand, per block of 10: yes weights 0.5 + 1.5 + 0.5 = 2.5, all weights 5 × 0.5 + 5 × 1.5 = 10,
  // so the weighted share is 0.25 (the unweighted share is 0.3).
  near(estimate.proportion, 0.25, 1e-12, "weighted share");
  near(estimate.weightedSuccesses, 50, 1e-9, "Σ yes weights");
  near(estimate.weightTotal, 200, 1e-9, "Σ weights");
  // n_eff = 200² / (100 × 0.25 + 100 × 2.25) = 40000 / 250 = 160
  near(estimate.effectiveSampleSize, 160, 1e-9, "n_eff");
  const plain = wilsonInterval(0.25 * 200, 200);
  const weightedWidth = estimate.interval.upper - estimate.interval.lower;
  const plainWidth = plain.upper - plain.lower;
  assert.ok(weightedWidth > plainWidth, `weighted ${weightedWidth} should exceed unweighted ${plainWidth}`);
  // Roughly √deff wider: deff = 200/160 = 1.25.
  near(weightedWidth / plainWidth, Math.sqrt(1.25), 0.01, "width ratio");
});

test("meanTInterval uses the t quantile with n − 1 df", () => {
  // mean 10, sd 2, n 11: half-width = t(0.975, 10) × 2 / √11 = 2.228139 × 0.603023 = 1.343625
  const { lower, upper } = meanTInterval(10, 2, 11);
  near(lower, 10 - 1.343625, 1e-5);
  near(upper, 10 + 1.343625, 1e-5);
  assert.throws(() => meanTInterval(10, 2, 1), RangeError);
  assert.throws(() => meanTInterval(10, -1, 5), RangeError);
});

test("weightedMean: equal weights reduce to the ordinary mean and n − 1 SD; unequal weights by hand", () => {
  const values = [2, 4, 4, 4, 5, 5, 7, 9];
  const equal = weightedMean(
    values,
    values.map(() => 3),
  );
  assert.equal(equal.mean, 5);
  near(equal.sd, Math.sqrt(32 / 7), 1e-12, "sd");
  near(equal.effectiveSampleSize, 8, 1e-12, "n_eff");
  const expected = meanTInterval(5, Math.sqrt(32 / 7), 8);
  near(equal.interval.lower, expected.lower, 1e-12);

  // values [1, 3], weights [1, 3]: mean = 10/4 = 2.5; Σw(x−m)² = 2.25 + 0.75 = 3;
  // V1 = 4, V2 = 10, corrected total = 4 − 10/4 = 1.5, sd = √2; n_eff = 16/10.
  const unequal = weightedMean([1, 3], [1, 3]);
  near(unequal.mean, 2.5, 1e-12);
  near(unequal.sd, Math.SQRT2, 1e-12);
  near(unequal.effectiveSampleSize, 1.6, 1e-12);
  assert.throws(() => weightedMean([1], [1]), RangeError);
});

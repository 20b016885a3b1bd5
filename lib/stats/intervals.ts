// Interval statistics for survey estimates: Wilson intervals for proportions, Student t intervals
// for means, and Kish's effective sample size for weighted data. Pure functions, no dependencies.
// Invalid input (n = 0, a negative weight, a confidence outside (0, 1)) throws a RangeError rather
// than returning NaN, so a bad cell fails loudly in the seed or importer instead of reaching a chart.
// See docs/methodology.md, "Intervals".

export interface Interval {
  lower: number;
  upper: number;
}

// ---------------------------------------------------------------------------------------------
// Quantiles
// ---------------------------------------------------------------------------------------------

/**
 * Inverse of the standard normal CDF, by Wichura's algorithm AS 241 (PPND16), accurate to about
 * 1e-16 relative error over (0, 1). Returns -Infinity / Infinity at 0 / 1.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;

  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }

  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) {
    // Reflection keeps the series in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = coefficients[0] as number;
  for (let i = 1; i < coefficients.length; i++) sum += (coefficients[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction for the incomplete beta function (modified Lentz, as in Numerical Recipes). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedIncompleteBeta: a and b must be positive`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast only below the mean; use the symmetry above it.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T > t) for t >= 0 under Student's t with df degrees of freedom (computed directly: no 1 − cancellation). */
function studentTUpperTail(t: number, df: number): number {
  return 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Student t CDF, P(T <= t); df may be non-integer (weighted data give fractional effective n). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf: df must be positive, got ${df}`);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - studentTUpperTail(t, df) : studentTUpperTail(-t, df);
}

function studentTDensity(t: number, df: number): number {
  return Math.exp(
    logGamma((df + 1) / 2) -
      logGamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * Inverse Student t CDF: the t with P(T <= t) = p. Solved on the exact CDF (regularised incomplete
 * beta) by safeguarded Newton iteration, so it is accurate to ~1e-9 for any df > 0, including
 * fractional df. df = Infinity gives the normal quantile.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be positive, got ${df}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  if (p < 0.5) return -studentTQuantile(1 - p, df);

  // Solve upperTail(t) = 1 − p for t > 0. The t quantile is never below the normal one,
  // so the normal quantile brackets it from below; double the upper end until it brackets.
  const tail = 1 - p;
  let lo = Math.max(0, normalQuantile(p) * (1 - 1e-12));
  let hi = Math.max(1, 2 * lo);
  while (studentTUpperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const excess = studentTUpperTail(t, df) - tail; // > 0 means t is too small
    if (excess > 0) lo = t;
    else hi = t;
    // Newton step: d(upperTail)/dt = −density.
    let nextT = t + excess / studentTDensity(t, df);
    if (!(nextT > lo && nextT < hi)) nextT = (lo + hi) / 2;
    if (Math.abs(nextT - t) <= 1e-13 * Math.max(1, t)) return nextT;
    t = nextT;
  }
  return t;
}

function twoSidedZ(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

// ---------------------------------------------------------------------------------------------
// Proportions
// ---------------------------------------------------------------------------------------------

/**
 * Wilson score interval for a proportion, on the 0..1 scale. `successes` may be non-integer
 * (weighted counts, or p × effective n). Throws a RangeError when n <= 0: there is no estimate to
 * put an interval around, and a NaN would travel silently into the database.
 * The interval always contains successes / n and stays inside [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`wilsonInterval: n must be a positive number, got ${n}`);
  // Allow for floating-point drift in weighted sums (e.g. Σ weights of "yes" a hair above Σ weights).
  const slack = 1e-9 * n;
  if (!(successes >= -slack && successes <= n + slack)) {
    throw new RangeError(`wilsonInterval: successes must be in [0, n], got ${successes} of ${n}`);
  }
  const p = Math.min(1, Math.max(0, successes / n));
  const z = twoSidedZ(confidence);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return {
    lower: p === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: p === 1 ? 1 : Math.min(1, centre + halfWidth),
  };
}

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

function checkWeights(weights: readonly number[], caller: string): void {
  for (const weight of weights) {
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new RangeError(`${caller}: weights must be finite and non-negative, got ${weight}`);
    }
  }
}

/**
 * Kish's effective sample size (Σw)² / Σw²: the number of equally weighted respondents that
 * would give the same precision. Equals n when all weights are equal; 0 for no (or all-zero) weights.
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  checkWeights(weights, "effectiveSampleSize");
  let sum = 0;
  let sumSquares = 0;
  for (const weight of weights) {
    sum += weight;
    sumSquares += weight * weight;
  }
  return sumSquares === 0 ? 0 : (sum * sum) / sumSquares;
}

/** Kish's design effect due to weighting, n / n_eff = 1 + CV²(w) (≥ 1). Throws for no positive weights. */
export function designEffect(weights: readonly number[]): number {
  const nEff = effectiveSampleSize(weights);
  if (nEff === 0) throw new RangeError("designEffect: needs at least one positive weight");
  return weights.length / nEff;
}

export interface WeightedProportionEstimate {
  /** Weighted proportion, 0..1. */
  proportion: number;
  interval: Interval;
  /** Σ weights of respondents answering yes. */
  weightedSuccesses: number;
  /** Σ weights of all respondents in the cell. */
  weightTotal: number;
  /** Unweighted number of respondents. */
  sampleSize: number;
  effectiveSampleSize: number;
}

/**
 * Weighted proportion with a Wilson interval computed on Kish's effective sample size: the Wilson
 * formula is applied to p̂ × n_eff "successes" out of n_eff, so unequal weights widen the interval
 * by roughly √(design effect).
 */
export function weightedProportion(
  answers: readonly boolean[],
  weights: readonly number[],
  confidence = 0.95,
): WeightedProportionEstimate {
  if (answers.length !== weights.length)
    throw new RangeError("weightedProportion: answers and weights differ in length");
  checkWeights(weights, "weightedProportion");
  let weightTotal = 0;
  let weightedSuccesses = 0;
  for (let i = 0; i < answers.length; i++) {
    const weight = weights[i] as number;
    weightTotal += weight;
    if (answers[i]) weightedSuccesses += weight;
  }
  if (!(weightTotal > 0)) throw new RangeError("weightedProportion: needs at least one positive weight");
  const proportion = weightedSuccesses / weightTotal;
  const nEff = effectiveSampleSize(weights);
  return {
    proportion,
    interval: wilsonInterval(proportion * nEff, nEff, confidence),
    weightedSuccesses,
    weightTotal,
    sampleSize: answers.length,
    effectiveSampleSize: nEff,
  };
}

// ---------------------------------------------------------------------------------------------
// Means
// ---------------------------------------------------------------------------------------------

/**
 * t interval for a mean: mean ± t(1 − α/2, n − 1) × sd / √n. n may be fractional (an effective
 * sample size); it must exceed 1 so that there is at least one degree of freedom's worth of data.
 */
export function meanTInterval(mean: number, sd: number, n: number, confidence = 0.95): Interval {
  if (!(n > 1) || !Number.isFinite(n)) throw new RangeError(`meanTInterval: n must be greater than 1, got ${n}`);
  if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`meanTInterval: sd must be non-negative, got ${sd}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const t = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  const halfWidth = (t * sd) / Math.sqrt(n);
  return { lower: mean - halfWidth, upper: mean + halfWidth };
}

export interface WeightedMeanEstimate {
  mean: number;
  /** Weighted standard deviation with the reliability-weights correction Σw / (Σw − Σw²/Σw). */
  sd: number;
  interval: Interval;
  weightTotal: number;
  sampleSize: number;
  effectiveSampleSize: number;
}

/**
 * Weighted mean with a t interval on the effective sample size. The SD uses the unbiased
 * reliability-weights estimator, which reduces to the ordinary n − 1 SD when all weights are equal;
 * the standard error is then sd / √n_eff with n_eff − 1 degrees of freedom.
 */
export function weightedMean(
  values: readonly number[],
  weights: readonly number[],
  confidence = 0.95,
): WeightedMeanEstimate {
  if (values.length !== weights.length) throw new RangeError("weightedMean: values and weights differ in length");
  checkWeights(weights, "weightedMean");
  let weightTotal = 0;
  let weightedSum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const weight = weights[i] as number;
    weightTotal += weight;
    weightedSum += weight * (values[i] as number);
    sumSquares += weight * weight;
  }
  if (!(weightTotal > 0)) throw new RangeError("weightedMean: needs at least one positive weight");
  const mean = weightedSum / weightTotal;
  let weightedSquaredDeviations = 0;
  for (let i = 0; i < values.length; i++) {
    const deviation = (values[i] as number) - mean;
    weightedSquaredDeviations += (weights[i] as number) * deviation * deviation;
  }
  const nEff = (weightTotal * weightTotal) / sumSquares;
  const correctedTotal = weightTotal - sumSquares / weightTotal;
  if (!(correctedTotal > 0)) throw new RangeError("weightedMean: needs at least two positively weighted values");
  const sd = Math.sqrt(weightedSquaredDeviations / correctedTotal);
  return {
    mean,
    sd,
    interval: meanTInterval(mean, sd, nEff, confidence),
    weightTotal,
    sampleSize: values.length,
    effectiveSampleSize: nEff,
  };
}

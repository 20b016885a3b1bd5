// "Areas like this one": nearest neighbours on standardised indicator values, e.g. a ward's
// deprivation profile (imd-score, income-deprivation, bad-health, disability, household-deprivation).
// See docs/methodology.md, "Similar areas".

export interface AreaProfile {
  code: string;
  name: string;
  values: Record<string, number | null>;
}

export interface SimilarArea {
  code: string;
  name: string;
  /** Euclidean distance in standard deviations, rescaled to all usable keys (see below). */
  distance: number;
  /** How many keys both areas had a value for. */
  keysCompared: number;
}

/** The context indicators that make up the "deprivation profile" used to find similar wards. */
export const DEPRIVATION_PROFILE_KEYS = [
  "imd-score",
  "income-deprivation",
  "bad-health",
  "disability",
  "household-deprivation",
] as const;

function usableValue(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Mean and sample SD (n − 1) of one key across every profile that has it. Null when it cannot
 * standardise anything: fewer than two values, or no spread (a constant says nothing about similarity).
 */
function keyScale(profiles: readonly AreaProfile[], key: string): { mean: number; sd: number } | null {
  const values = profiles.map((p) => p.values[key]).filter(usableValue);
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  const sd = Math.sqrt(variance);
  return sd > 0 ? { mean, sd } : null;
}

/**
 * The `count` areas nearest to `target` by Euclidean distance on z-scores, nearest first.
 * - Each key is z-scored across ALL the profiles given (so each indicator counts equally,
 *   whatever its unit); keys with fewer than two values or no spread are ignored.
 * - A key missing for either area is skipped and the squared distance is scaled up by
 *   (usable keys ÷ keys compared), so areas with gaps are not made to look closer.
 *   Areas sharing no key with the target are left out.
 * - Ties are broken by name. Throws a RangeError when the target is not among the profiles.
 */
export function findSimilarAreas(
  target: string,
  profiles: readonly AreaProfile[],
  keys: readonly string[],
  count = 5,
): SimilarArea[] {
  const targetProfile = profiles.find((p) => p.code === target);
  if (!targetProfile) throw new RangeError(`findSimilarAreas: no profile for ${target}`);

  const scales = new Map<string, { mean: number; sd: number }>();
  for (const key of new Set(keys)) {
    const scale = keyScale(profiles, key);
    if (scale) scales.set(key, scale);
  }
  const usableKeys = scales.size;

  const results: SimilarArea[] = [];
  for (const profile of profiles) {
    if (profile.code === target) continue;
    let sumSquares = 0;
    let compared = 0;
    for (const [key, { sd }] of scales) {
      const a = targetProfile.values[key];
      const b = profile.values[key];
      if (!usableValue(a) || !usableValue(b)) continue;
      // (a − mean)/sd − (b − mean)/sd = (a − b)/sd.
      sumSquares += ((a - b) / sd) ** 2;
      compared++;
    }
    if (compared === 0) continue;
    results.push({
      code: profile.code,
      name: profile.name,
      distance: Math.sqrt((sumSquares * usableKeys) / compared),
      keysCompared: compared,
    });
  }
  results.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return results.slice(0, Math.max(0, count));
}

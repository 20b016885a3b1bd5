// The illustrative community-asset register. No public register of Peterborough's community assets
// exists in the demo data, so we generate one: plausible numbers of each kind of asset per ward,
// placed at random points inside the real ward boundaries, with names that say they are made up.
// It drives the map layer and the two asset indicators until a council imports a real register.
import type { AssetRecord, GeoJsonGeometry, Position } from "@/lib/domain/types";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import type { AssetCategoryKey } from "@/lib/assets/categories";
import { geometryBounds, pointInPolygon, pointOnSurface, polygonCentroid } from "@/lib/geography/geometry";
import { createRandom, type Random } from "@/lib/stats/random";

export const DEFAULT_ASSET_SEED = "civic-pulse-assets-v1";

export interface AssetWardInput {
  code: string;
  name: string;
  geometry: GeoJsonGeometry;
  population: number;
  /** IoD IMD score (higher = more deprived), population-weighted for the ward. */
  imdScore: number;
  /** Optional ONS label point, used if random placement keeps missing a very thin ward. */
  labelPoint?: Position;
}

/**
 * A typical Peterborough ward has about 10,000 residents. Counts scale with population relative to
 * this fixed figure (not the mean of the wards passed in), so one ward's register does not change
 * when another ward is added or removed.
 */
const REFERENCE_POPULATION = 10_000;
/** IMD scores mapped to 0..1 for "how deprived": ~10 is among the least deprived wards here, ~50 the most. */
const IMD_LOW = 10;
const IMD_HIGH = 50;
export const MIN_ASSETS_PER_WARD = 6;
export const MAX_ASSETS_PER_WARD = 20;
const MAX_PLACEMENT_ATTEMPTS = 1_000;
const COORDINATE_DECIMALS = 5;

/** Name stems per category: the n-th asset of a category in a ward takes the n-th stem. */
const NAME_STEMS: Record<AssetCategoryKey, readonly string[]> = {
  library: ["library"],
  "community-centre": ["community centre"],
  "community-hall": ["community hall", "memorial hall", "church hall"],
  "place-of-worship": ["place of worship", "faith group", "congregation"],
  "sports-club": ["football club", "cricket club", "bowls club", "running club", "netball club", "boxing club"],
  "time-bank": ["time bank"],
  "food-bank": ["food bank", "community pantry"],
  "youth-club": ["youth club", "Scout group", "Guide unit"],
  "residents-association": ["residents' association", "tenants' association"],
  "mutual-aid-group": ["mutual aid group", "good neighbours scheme"],
  park: ["park", "recreation ground", "playing field", "nature area"],
};

/** When a ward has too few assets, top up with the commonest kinds of place, in turn. */
const TOP_UP_ORDER: readonly AssetCategoryKey[] = ["community-hall", "park", "sports-club", "place-of-worship"];

/**
 * How many of each category a ward gets. `size` is population / 10,000, `deprivation` is 0..1.
 * The rates are judgement, not data: roughly a library in a third of wards, a centre or hall in
 * most, a few places of worship and sports clubs in each, food banks more likely where deprivation
 * is high, and time banks in only a few wards.
 */
function drawCategoryCounts(random: Random, size: number, deprivation: number): Map<AssetCategoryKey, number> {
  const chance = (p: number) => (random.next() < Math.min(1, Math.max(0, p)) ? 1 : 0);
  const poisson = (mean: number) => drawPoisson(random, mean);

  const counts = new Map<AssetCategoryKey, number>();
  counts.set("library", chance(0.2 + 0.15 * size));
  counts.set("community-centre", chance(0.4 + 0.2 * deprivation));
  let halls = poisson(0.9 * size);
  // Most wards have somewhere to meet: give most of those without a centre or hall a hall.
  if (halls === 0 && counts.get("community-centre") === 0) halls = chance(0.75);
  counts.set("community-hall", halls);
  counts.set("place-of-worship", 1 + poisson(1.1 * size));
  counts.set("sports-club", poisson(1.8 * size));
  counts.set("time-bank", chance(0.18));
  counts.set("food-bank", chance(0.1 + 0.6 * deprivation) + chance(0.25 * deprivation * size));
  counts.set("youth-club", poisson(0.5 * size + 0.4 * deprivation));
  counts.set("residents-association", poisson(0.6 * size));
  counts.set("mutual-aid-group", chance(0.35));
  counts.set("park", 1 + poisson(0.8 * size));
  return fitToRange(counts);
}

/** Knuth's method: fine for the small means used here. */
function drawPoisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random.next();
  while (product > limit) {
    k++;
    product *= random.next();
  }
  return k;
}

/** Keeps the ward total within [MIN, MAX] without random draws, so the adjustment is predictable. */
function fitToRange(counts: Map<AssetCategoryKey, number>): Map<AssetCategoryKey, number> {
  const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
  for (let i = 0; total() < MIN_ASSETS_PER_WARD; i++) {
    const key = TOP_UP_ORDER[i % TOP_UP_ORDER.length]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  while (total() > MAX_ASSETS_PER_WARD) {
    // Trim the most numerous category (the first in category order on a tie).
    let largest: AssetCategoryKey | null = null;
    for (const [key, n] of counts) if (largest === null || n > counts.get(largest)!) largest = key;
    counts.set(largest!, counts.get(largest!)! - 1);
  }
  return counts;
}

function deprivationIndex(imdScore: number): number {
  return Math.min(1, Math.max(0, (imdScore - IMD_LOW) / (IMD_HIGH - IMD_LOW)));
}

function roundCoordinate(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

/**
 * A uniformly random point inside the ward: draw in the bounding box, keep the first draw that
 * (after rounding) is inside. Wards fill a good share of their box, so this rarely takes more than
 * a few tries; after MAX_PLACEMENT_ATTEMPTS we fall back to a point known to be inside.
 */
function randomPointInside(random: Random, ward: AssetWardInput): Position {
  const [minLon, minLat, maxLon, maxLat] = geometryBounds(ward.geometry);
  for (let attempt = 0; attempt < MAX_PLACEMENT_ATTEMPTS; attempt++) {
    const point: Position = [
      roundCoordinate(minLon + random.next() * (maxLon - minLon)),
      roundCoordinate(minLat + random.next() * (maxLat - minLat)),
    ];
    if (pointInPolygon(point, ward.geometry)) return point;
  }
  return fallbackPoint(ward);
}

function fallbackPoint(ward: AssetWardInput): Position {
  const candidates = [ward.labelPoint, pointOnSurface(ward.geometry), polygonCentroid(ward.geometry)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const rounded: Position = [roundCoordinate(candidate[0]), roundCoordinate(candidate[1])];
    if (pointInPolygon(rounded, ward.geometry)) return rounded;
    if (pointInPolygon(candidate, ward.geometry)) return candidate;
  }
  throw new Error(`Cannot find a point inside ward ${ward.code}: is its geometry valid?`);
}

/**
 * The illustrative register for the given wards: 6–20 assets per ward, more in larger wards.
 * Each ward draws from its own stream (seed + ward code), so its assets depend only on its own
 * inputs. Records are ordered by ward code, then category, and flagged synthetic.
 */
export function generateSyntheticAssets(
  wards: readonly AssetWardInput[],
  seed: string = DEFAULT_ASSET_SEED,
): AssetRecord[] {
  const assets: AssetRecord[] = [];
  const ordered = [...wards].sort((a, b) => a.code.localeCompare(b.code));
  for (const ward of ordered) {
    if (!(ward.population > 0)) throw new RangeError(`Ward ${ward.code} has no population`);
    const random = createRandom(`${seed}|${ward.code}`);
    const counts = drawCategoryCounts(random, ward.population / REFERENCE_POPULATION, deprivationIndex(ward.imdScore));
    let serial = 0;
    for (const [category, count] of counts) {
      const stems = NAME_STEMS[category];
      for (let n = 0; n < count; n++) {
        const stem = stems[n % stems.length]!;
        const repeat = Math.floor(n / stems.length);
        const [lon, lat] = randomPointInside(random, ward);
        serial++;
        assets.push({
          id: `demo-asset-${ward.code}-${String(serial).padStart(3, "0")}`,
          name: `${ward.name} ${stem}${repeat > 0 ? ` ${repeat + 1}` : ""} (illustrative)`,
          category,
          lat,
          lon,
          areaCode: ward.code,
          synthetic: true,
          sourceId: SOURCE_IDS.syntheticAssets,
        });
      }
    }
  }
  return assets;
}

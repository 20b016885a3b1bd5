import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { AssetRecord, GeoJsonGeometry, Position } from "@/lib/domain/types";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import { ASSET_CATEGORY_KEYS } from "@/lib/assets/categories";
import { pointInPolygon } from "@/lib/geography/geometry";
import { countAssetsPer1000 } from "@/lib/assets/asset-indicators";
import { generateSyntheticAssets, type AssetWardInput } from "@/lib/demo-data/synthetic-assets";

const boundaries = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), "prisma/data/boundaries/wards-E06000031.geojson"), "utf8"),
) as { features: { properties: { code: string; name: string }; geometry: GeoJsonGeometry }[] };

// Real boundaries; populations and IMD scores made up here to span a wide range (3,000 to 15,600
// residents, IMD 8 to 50), so the tests do not depend on the Census or IoD importers.
const WARDS: AssetWardInput[] = boundaries.features.map((f, i) => ({
  code: f.properties.code,
  name: f.properties.name,
  geometry: f.geometry,
  population: 3_000 + i * 600,
  imdScore: 8 + ((i * 7) % 22) * 2,
}));

const SPACES = new Set(["library", "community-centre", "community-hall"]);
const GROUPS = new Set([
  "place-of-worship",
  "sports-club",
  "time-bank",
  "food-bank",
  "youth-club",
  "residents-association",
  "mutual-aid-group",
]);

test("the register is deterministic for a seed and changes with the seed", () => {
  const a = generateSyntheticAssets(WARDS);
  const b = generateSyntheticAssets(WARDS);
  assert.deepEqual(a, b);
  assert.deepEqual(generateSyntheticAssets([...WARDS].reverse()), a, "input order does not matter");
  assert.notDeepEqual(generateSyntheticAssets(WARDS, "another-seed"), a);
});

test("each ward's assets depend only on that ward: dropping a ward leaves the others unchanged", () => {
  const all = generateSyntheticAssets(WARDS);
  const withoutFirst = generateSyntheticAssets(WARDS.slice(1));
  assert.deepEqual(
    withoutFirst,
    all.filter((asset) => asset.areaCode !== WARDS[0]!.code),
  );
});

test("every record is flagged synthetic, well formed and has a valid category", () => {
  const assets = generateSyntheticAssets(WARDS);
  const names = new Map(WARDS.map((w) => [w.code, w.name]));
  assert.equal(new Set(assets.map((a) => a.id)).size, assets.length, "ids are unique");
  assert.equal(new Set(assets.map((a) => a.name)).size, assets.length, "names are unique");
  for (const asset of assets) {
    assert.equal(asset.synthetic, true);
    assert.equal(asset.sourceId, SOURCE_IDS.syntheticAssets);
    assert.ok((ASSET_CATEGORY_KEYS as readonly string[]).includes(asset.category), asset.category);
    assert.match(asset.id, new RegExp(`^demo-asset-${asset.areaCode}-\\d{3}$`));
    assert.ok(asset.name.startsWith(`${names.get(asset.areaCode)} `), asset.name);
    assert.ok(asset.name.endsWith(" (illustrative)"), asset.name);
  }
  // Serial numbers run 001, 002, ... within each ward.
  for (const ward of WARDS) {
    const serials = assets.filter((a) => a.areaCode === ward.code).map((a) => Number(a.id.slice(-3)));
    assert.deepEqual(
      serials,
      serials.map((_, i) => i + 1),
    );
  }
});

test("every asset lies inside its own ward's polygon and in no other ward", () => {
  const assets = generateSyntheticAssets(WARDS);
  for (const asset of assets) {
    const point: Position = [asset.lon, asset.lat];
    const containing = WARDS.filter((w) => pointInPolygon(point, w.geometry)).map((w) => w.code);
    assert.deepEqual(containing, [asset.areaCode], `${asset.id} at ${point}`);
  }
});

test("every ward has between 6 and 20 assets, including somewhere green and a group", () => {
  const assets = generateSyntheticAssets(WARDS);
  for (const ward of WARDS) {
    const own = assets.filter((a) => a.areaCode === ward.code);
    assert.ok(own.length >= 6 && own.length <= 20, `${ward.code}: ${own.length}`);
    assert.ok(
      own.some((a) => GROUPS.has(a.category)),
      `${ward.code} has no group`,
    );
    assert.ok(
      own.some((a) => a.category === "park"),
      `${ward.code} has no park`,
    );
  }
});

test("plausible mix across the register: a library in some wards but not all, a meeting space in most", () => {
  const assets = generateSyntheticAssets(WARDS);
  const wardsWith = (test: (category: string) => boolean) =>
    new Set(assets.filter((a) => test(a.category)).map((a) => a.areaCode)).size;
  const libraries = wardsWith((c) => c === "library");
  assert.ok(libraries >= 2 && libraries <= 16, `${libraries} wards with a library`);
  const halls = wardsWith((c) => c === "community-centre" || c === "community-hall");
  assert.ok(halls >= 15, `${halls} wards with a centre or hall`);
  assert.ok(wardsWith((c) => c === "time-bank") < 22);
});

test("larger wards get more assets, and more deprived wards more food banks (over many seeds)", () => {
  const base = WARDS[5]!;
  const small = { ...base, code: "E05999991", population: 3_000 };
  const large = { ...base, code: "E05999992", population: 15_000 };
  const affluent = { ...base, code: "E05999993", imdScore: 8 };
  const deprived = { ...base, code: "E05999994", imdScore: 50 };
  let smallTotal = 0;
  let largeTotal = 0;
  let affluentFood = 0;
  let deprivedFood = 0;
  for (let s = 0; s < 60; s++) {
    const assets = generateSyntheticAssets([small, large, affluent, deprived], `seed-${s}`);
    smallTotal += assets.filter((a) => a.areaCode === small.code).length;
    largeTotal += assets.filter((a) => a.areaCode === large.code).length;
    affluentFood += assets.filter((a) => a.areaCode === affluent.code && a.category === "food-bank").length;
    deprivedFood += assets.filter((a) => a.areaCode === deprived.code && a.category === "food-bank").length;
  }
  assert.ok(largeTotal > smallTotal * 1.4, `large ${largeTotal} vs small ${smallTotal}`);
  assert.ok(deprivedFood > affluentFood * 2, `deprived ${deprivedFood} vs affluent ${affluentFood}`);
});

test("a ward too thin to hit at random falls back to its label point", () => {
  // A sliver 1e-9 degrees wide: random points on the 5-decimal grid essentially never land in it.
  const sliver: GeoJsonGeometry = {
    type: "Polygon",
    coordinates: [
      [
        [0, 0],
        [1, 1],
        [1, 1 + 2e-9],
        [0, 0],
      ],
    ],
  };
  const labelPoint: Position = [0.9, 0.9 + 1e-9];
  assert.equal(pointInPolygon(labelPoint, sliver), true);
  const assets = generateSyntheticAssets([
    { code: "E05999999", name: "Sliver", geometry: sliver, population: 5_000, imdScore: 20, labelPoint },
  ]);
  assert.ok(assets.length >= 6);
  for (const asset of assets) {
    assert.deepEqual([asset.lon, asset.lat], labelPoint);
  }
  // Without a label point, a point on the surface is found instead.
  const noLabel = generateSyntheticAssets([
    { code: "E05999999", name: "Sliver", geometry: sliver, population: 5_000, imdScore: 20 },
  ]);
  for (const asset of noLabel) assert.ok(pointInPolygon([asset.lon, asset.lat], sliver));
});

test("countAssetsPer1000 on a hand-made register", () => {
  const asset = (areaCode: string, category: string, n: number): Pick<AssetRecord, "areaCode" | "category">[] =>
    Array.from({ length: n }, () => ({ areaCode, category }));
  const assets = [
    ...asset("A", "library", 2),
    ...asset("A", "community-hall", 1),
    ...asset("A", "sports-club", 3),
    ...asset("A", "park", 1),
    ...asset("A", "bandstand", 1), // unknown category: counted in neither indicator
    ...asset("C", "food-bank", 1),
  ];
  const counts = countAssetsPer1000(
    assets,
    new Map([
      ["A", 2_000],
      ["B", 500],
      ["C", 4_000],
    ]),
  );
  assert.deepEqual(counts.get("A"), {
    population: 2_000,
    spaces: 3,
    groups: 3,
    other: 2,
    spacesPer1000: 1.5,
    groupsPer1000: 1.5,
  });
  assert.deepEqual(counts.get("B"), {
    population: 500,
    spaces: 0,
    groups: 0,
    other: 0,
    spacesPer1000: 0,
    groupsPer1000: 0,
  });
  assert.deepEqual(counts.get("C"), {
    population: 4_000,
    spaces: 0,
    groups: 1,
    other: 0,
    spacesPer1000: 0,
    groupsPer1000: 0.25,
  });
  assert.deepEqual([...counts.keys()], ["A", "B", "C"]);
  // A plain object works too.
  assert.equal(countAssetsPer1000(assets, { A: 2_000, B: 500, C: 4_000 }).get("A")?.spaces, 3);
  assert.throws(() => countAssetsPer1000(assets, new Map([["A", 2_000]])), /C/);
  assert.throws(() => countAssetsPer1000([], new Map([["A", 0]])));
});

test("counts of the generated register match an independent tally by category", () => {
  const assets = generateSyntheticAssets(WARDS);
  const population = new Map(WARDS.map((w) => [w.code, w.population]));
  const counts = countAssetsPer1000(assets, population);
  assert.equal(counts.size, WARDS.length);
  for (const ward of WARDS) {
    const own = assets.filter((a) => a.areaCode === ward.code);
    const spaces = own.filter((a) => SPACES.has(a.category)).length;
    const groups = own.filter((a) => GROUPS.has(a.category)).length;
    const c = counts.get(ward.code)!;
    assert.equal(c.spaces, spaces);
    assert.equal(c.groups, groups);
    assert.equal(c.other, own.filter((a) => a.category === "park").length);
    assert.ok(Math.abs(c.spacesPer1000 - (spaces * 1000) / ward.population) < 1e-12);
    assert.ok(Math.abs(c.groupsPer1000 - (groups * 1000) / ward.population) < 1e-12);
  }
});

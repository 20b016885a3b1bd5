// Builds the embedded demo database: real Peterborough wards and indicators from prisma/data,
// plus the flagged synthetic survey and asset register. Idempotent: a second run replaces the
// demo rows with identical ones and leaves anything imported from other sources alone.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { AreaRecord, GeoJsonGeometry, Observation } from "@/lib/domain/types";
import { INDICATOR_CATALOGUE } from "@/lib/indicators/catalogue";
import { DEMO_SOURCES, SOURCE_IDS } from "@/lib/demo-data/sources";
import { buildRealIndicatorObservations } from "@/lib/demo-data/real-indicators";
import { generateSyntheticSurvey } from "@/lib/demo-data/synthetic-survey";
import { DEMO_COUNTRY as COUNTRY, DEMO_LA, DEMO_REGION as REGION } from "@/lib/demo-data/demo-area";
import { countAssetsPer1000, generateSyntheticAssets } from "@/lib/demo-data/synthetic-assets";

const BOUNDARIES_FILE = "prisma/data/boundaries/wards-E06000031.geojson";

interface WardFeature {
  properties: { code: string; name: string; labelLon: number; labelLat: number };
  geometry: GeoJsonGeometry;
}

export interface DemoData {
  areas: AreaRecord[];
  observations: Observation[];
  assets: ReturnType<typeof generateSyntheticAssets>;
}

/** Everything the demo database holds, computed from the files in prisma/data (pure but for reading files). */
export function buildDemoData(root = process.cwd()): DemoData {
  const boundaries = JSON.parse(fs.readFileSync(path.join(root, BOUNDARIES_FILE), "utf8")) as {
    features: WardFeature[];
  };
  const real = buildRealIndicatorObservations(path.join(root, "prisma/data/raw"));
  const wards = boundaries.features.map((feature) => {
    const { code, name } = feature.properties;
    const population = real.wardPopulation.get(code);
    const imdScore = real.wardImdScore.get(code);
    if (population === undefined || imdScore === undefined) {
      throw new Error(`Ward ${code} (${name}) has a boundary but no Census population or IMD score.`);
    }
    return { feature, code, name, population, imdScore };
  });

  const areas: AreaRecord[] = [
    area(COUNTRY.code, COUNTRY.name, "country", null, null),
    area(REGION.code, REGION.name, "region", COUNTRY.code, null),
    area(DEMO_LA.code, DEMO_LA.name, "local_authority", REGION.code, real.wardPopulation.get(DEMO_LA.code) ?? null),
    ...wards.map(({ feature, code, name, population }) => ({
      ...area(code, name, "ward", DEMO_LA.code, population),
      geometry: feature.geometry,
      centroidLat: feature.properties.labelLat,
      centroidLon: feature.properties.labelLon,
      sourceId: SOURCE_IDS.wardBoundaries,
    })),
  ];

  const survey = generateSyntheticSurvey({
    wards: wards.map(({ code, population, imdScore }) => ({ code, population, imdScore })),
    laCode: DEMO_LA.code,
  });
  const assets = generateSyntheticAssets(
    wards.map(({ feature, code, name, population, imdScore }) => ({
      code,
      name,
      geometry: feature.geometry,
      population,
      imdScore,
      labelPoint: [feature.properties.labelLon, feature.properties.labelLat] as [number, number],
    })),
  );
  const assetObservations = assetIndicatorObservations(assets, real.wardPopulation);
  return { areas, observations: [...real.observations, ...survey, ...assetObservations], assets };
}

function area(
  code: string,
  name: string,
  type: AreaRecord["type"],
  parentCode: string | null,
  population: number | null,
): AreaRecord {
  return {
    code,
    name,
    type,
    parentCode,
    population,
    geometry: null,
    centroidLat: null,
    centroidLon: null,
    successorCode: null,
    sourceId: null,
  };
}

/** community-spaces and active-groups per 1,000 residents, for each ward and for Peterborough. */
function assetIndicatorObservations(assets: DemoData["assets"], population: Map<string, number>): Observation[] {
  const wardPopulation = new Map([...population].filter(([code]) => code !== DEMO_LA.code));
  const counts = countAssetsPer1000(assets, wardPopulation);
  const rows: Observation[] = [];
  const totals = { "community-spaces": 0, "active-groups": 0 };
  for (const [areaCode, count] of counts) {
    const residents = wardPopulation.get(areaCode)!;
    for (const slug of ["community-spaces", "active-groups"] as const) {
      const numerator = slug === "community-spaces" ? count.spaces : count.groups;
      totals[slug] += numerator;
      rows.push(rateRow(slug, areaCode, numerator, residents));
    }
  }
  const laResidents = [...wardPopulation.values()].reduce((a, b) => a + b, 0);
  for (const slug of ["community-spaces", "active-groups"] as const) {
    rows.push(rateRow(slug, DEMO_LA.code, totals[slug], laResidents));
  }
  return rows;
}

function rateRow(slug: string, areaCode: string, numerator: number, denominator: number): Observation {
  return {
    indicatorSlug: slug,
    areaCode,
    period: "2025",
    group: "all",
    value: Math.round((numerator / denominator) * 1000 * 100) / 100,
    lowerCi: null,
    upperCi: null,
    numerator,
    denominator,
    sampleSize: null,
    suppressed: false,
    synthetic: true,
    sourceId: SOURCE_IDS.syntheticAssets,
  };
}

function sha256(file: string): string | undefined {
  return fs.existsSync(file) ? crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex") : undefined;
}

/** Writes the demo data in one transaction. Returns row counts for the log. */
export async function seedDemoDatabase(db: Db, data = buildDemoData(), root = process.cwd()) {
  const sourceIds = DEMO_SOURCES.map((s) => s.id);
  await db.$transaction(
    async (tx) => {
      for (const source of DEMO_SOURCES) {
        const row = { ...source, fileSha256: source.file ? sha256(path.join(root, source.file)) : undefined };
        await tx.source.upsert({ where: { id: source.id }, create: row, update: row });
      }
      // Parents before children: the list is ordered country → region → LA → wards.
      for (const { geometry, ...rest } of data.areas) {
        const row = { ...rest, geometry: geometry ? JSON.stringify(geometry) : null };
        await tx.area.upsert({ where: { code: row.code }, create: row, update: row });
      }
      for (const indicator of INDICATOR_CATALOGUE) {
        const { caveats, ...rest } = indicator;
        const row = { ...rest, caveats: caveats ?? null };
        await tx.indicator.upsert({ where: { slug: indicator.slug }, create: row, update: row });
      }
      await tx.observation.deleteMany({ where: { sourceId: { in: sourceIds } } });
      await tx.observation.createMany({ data: data.observations });
      await tx.asset.deleteMany({ where: { sourceId: { in: sourceIds } } });
      await tx.asset.createMany({ data: data.assets });
    },
    { timeout: 60_000 },
  );
  return {
    sources: DEMO_SOURCES.length,
    areas: data.areas.length,
    indicators: INDICATOR_CATALOGUE.length,
    observations: data.observations.length,
    assets: data.assets.length,
  };
}

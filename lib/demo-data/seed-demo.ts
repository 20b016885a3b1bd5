// Builds the embedded demo database: real Peterborough wards and indicators from prisma/data,
// plus the flagged synthetic survey and asset register. Idempotent: a second run replaces the
// demo rows with identical ones and leaves anything imported from other sources alone.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { AreaRecord, GeoJsonGeometry, Observation, SourceRecord } from "@/lib/domain/types";
import { INDICATOR_CATALOGUE } from "@/lib/indicators/catalogue";
import { DEMO_SOURCES, SOURCE_IDS } from "@/lib/demo-data/sources";
import { buildRealIndicatorObservations } from "@/lib/demo-data/real-indicators";
import { generateSyntheticSurvey } from "@/lib/demo-data/synthetic-survey";
import { DEMO_COUNTRY as COUNTRY, DEMO_LA, DEMO_REGION as REGION } from "@/lib/demo-data/demo-area";
import { generateSyntheticAssets } from "@/lib/demo-data/synthetic-assets";
import { ASSET_INDICATOR_SLUGS, assetIndicatorObservations } from "@/lib/assets/asset-indicators";

const BOUNDARIES_FILE = "prisma/data/boundaries/wards-E06000031.geojson";
/** The year the illustrative asset register describes. */
const DEMO_ASSET_PERIOD = "2025";

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
  const assetObservations = assetIndicatorObservations({
    assets,
    wards: wards.map(({ code, population }) => ({ code, population, parentCode: DEMO_LA.code })),
    period: DEMO_ASSET_PERIOD,
    sourceId: SOURCE_IDS.syntheticAssets,
    synthetic: true,
  });
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

function sha256(file: string): string | undefined {
  return fs.existsSync(file) ? crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex") : undefined;
}

type CatalogueWriter = Pick<Db, "source" | "indicator">;

const DEMO_SOURCE_IDS: readonly string[] = DEMO_SOURCES.map((source) => source.id);

/**
 * Catalogue indicators whose figures a council has imported in place of the demo's (the import took
 * the definition over: it now names the import's source, lib/import/demo-replacement.ts). The seed
 * leaves their definitions and figures alone, so re-seeding never brings synthetic figures back.
 */
export async function indicatorsTakenOver(db: Pick<Db, "indicator">): Promise<Set<string>> {
  const rows = await db.indicator.findMany({
    where: { slug: { in: INDICATOR_CATALOGUE.map((i) => i.slug) }, sourceId: { notIn: [...DEMO_SOURCE_IDS] } },
    select: { slug: true },
  });
  return new Set(rows.map((row) => row.slug));
}

/**
 * Upserts the given sources and every catalogue indicator not taken over; returns those taken over.
 * `withoutFigures`: the definitions go in without the demo's figures, so none is labelled synthetic nor
 * carries the caveat about the demo's generated figures (an import's own figures set the label).
 */
async function writeCatalogue(
  db: CatalogueWriter,
  sources: readonly SourceRecord[],
  root: string,
  withoutFigures = false,
) {
  for (const source of sources) {
    const row = { ...source, fileSha256: source.file ? sha256(path.join(root, source.file)) : undefined };
    await db.source.upsert({ where: { id: source.id }, create: row, update: row });
  }
  const takenOver = await indicatorsTakenOver(db);
  for (const indicator of INDICATOR_CATALOGUE) {
    if (takenOver.has(indicator.slug)) continue;
    const { caveats, ...rest } = indicator;
    const row =
      withoutFigures && indicator.synthetic
        ? { ...rest, synthetic: false, caveats: null }
        : { ...rest, caveats: caveats ?? null };
    await db.indicator.upsert({ where: { slug: indicator.slug }, create: row, update: row });
  }
  return takenOver;
}

/**
 * The indicator catalogue alone: every definition and the sources they name, no areas, figures or
 * assets. What a council that is not the demo's starts from (scripts/db/setup.ts) before importing
 * its own boundaries, figures and assets. Safe to run again.
 */
export async function seedCatalogue(db: Db, root = process.cwd()) {
  const named = new Set(INDICATOR_CATALOGUE.map((indicator) => indicator.sourceId));
  await db.$transaction((tx) =>
    writeCatalogue(
      tx,
      DEMO_SOURCES.filter((source) => named.has(source.id)),
      root,
      true,
    ),
  );
  return { indicators: INDICATOR_CATALOGUE.length };
}

/**
 * Writes the demo data in one transaction. Returns row counts for the log. Figures of indicators a
 * council has taken over are skipped, and so is the illustrative asset register once a council's
 * register feeds the asset indicators.
 */
export async function seedDemoDatabase(db: Db, data = buildDemoData(), root = process.cwd()) {
  let written = { observations: 0, assets: 0 };
  await db.$transaction(
    async (tx) => {
      const takenOver = await writeCatalogue(tx, DEMO_SOURCES, root);
      // Parents before children: the list is ordered country → region → LA → wards.
      for (const { geometry, ...rest } of data.areas) {
        const row = { ...rest, geometry: geometry ? JSON.stringify(geometry) : null };
        await tx.area.upsert({ where: { code: row.code }, create: row, update: row });
      }
      const observations = data.observations.filter((row) => !takenOver.has(row.indicatorSlug));
      const assets = ASSET_INDICATOR_SLUGS.some((slug) => takenOver.has(slug)) ? [] : data.assets;
      await tx.observation.deleteMany({ where: { sourceId: { in: [...DEMO_SOURCE_IDS] } } });
      await tx.observation.createMany({ data: observations });
      await tx.asset.deleteMany({ where: { sourceId: { in: [...DEMO_SOURCE_IDS] } } });
      await tx.asset.createMany({ data: assets });
      written = { observations: observations.length, assets: assets.length };
    },
    { timeout: 60_000 },
  );
  return {
    sources: DEMO_SOURCES.length,
    areas: data.areas.length,
    indicators: INDICATOR_CATALOGUE.length,
    ...written,
  };
}

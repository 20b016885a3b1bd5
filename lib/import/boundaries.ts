// `npm run import -- boundaries <file.geojson> --type ward --parent E06000031`: a new set of areas
// from a GeoJSON FeatureCollection. Coordinates may be WGS84 longitude/latitude or British
// National Grid metres (detected from the `crs` member or the coordinate ranges, or stated with
// --crs); grid coordinates are converted to WGS84. Every geometry is checked for validity, then
// the set is simplified for the web as scripts/data/prepare-boundaries.ts does for the demo wards:
// topology preserved, so neighbouring areas keep exactly the same border.
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { topology } from "topojson-server";
import { presimplify, simplify, type Triangle } from "topojson-simplify";
import { feature as topoFeature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { AreaType, GeoJsonGeometry, Position } from "@/lib/domain/types";
import {
  distanceToBoundaryMetres,
  geometryBounds,
  geometryPolygons,
  pointInPolygon,
  pointOnSurface,
  ringArea,
} from "@/lib/geography/geometry";
import { cleanRing } from "@/lib/geography/rings";
import { bngToWgs84 } from "@/lib/import/british-national-grid";
import { findCrossing, geometryProblems, geometrySegments } from "@/lib/import/geometry-checks";
import { readWholeText } from "@/lib/import/read-text";
import { loadAreas, type AreaRow, type Sqlite } from "@/lib/import/store";
import type { CheckContext, CheckedFile, KindImporter } from "@/lib/import/types";

export const DEFAULT_MIN_AREA_M2 = 8_000;

export type Crs = "EPSG:4326" | "EPSG:27700";

/** "EPSG:27700", "27700", "urn:ogc:def:crs:EPSG::27700", "CRS84"… → the CRS, or null if not one we convert. */
export function parseCrs(text: string): Crs | null {
  const value = text.trim().toUpperCase();
  if (/(^|[^0-9])27700$/.test(value)) return "EPSG:27700";
  if (/(^|[^0-9])4326$/.test(value) || /CRS84$/.test(value)) return "EPSG:4326";
  return null;
}

export interface CoordinateRange {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The CRS the coordinates must be in, judged from their range: longitude/latitude stay within
 * ±180/±90; British National Grid metres run from 0 to 700 km east and 1,250 km north.
 * Returns null when the range fits neither.
 */
export function detectCrs(range: CoordinateRange): Crs | null {
  const { minX, minY, maxX, maxY } = range;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return "EPSG:4326";
  if (minX >= -10_000 && maxX <= 800_000 && minY >= -15_000 && maxY <= 1_300_000) return "EPSG:27700";
  return null;
}

function coordinateRange(features: readonly Feature[]): CoordinateRange | null {
  const range = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === "number" && typeof value[1] === "number") {
      range.minX = Math.min(range.minX, value[0]);
      range.maxX = Math.max(range.maxX, value[0]);
      range.minY = Math.min(range.minY, value[1]);
      range.maxY = Math.max(range.maxY, value[1]);
      return;
    }
    for (const item of value) visit(item);
  };
  for (const f of features) visit((f.geometry as { coordinates?: unknown } | null)?.coordinates);
  return Number.isFinite(range.minX) ? range : null;
}

/** Metres per degree at a latitude (equirectangular: ample for weighing small triangles). */
function triangleAreaAt(latitude: number) {
  const perDegreeLat = 111_320;
  const perDegreeLon = 111_320 * Math.cos((latitude * Math.PI) / 180);
  return ([a, b, c]: Triangle) =>
    Math.abs(
      (b[0] - a[0]) * perDegreeLon * ((c[1] - a[1]) * perDegreeLat) -
        (c[0] - a[0]) * perDegreeLon * ((b[1] - a[1]) * perDegreeLat),
    ) / 2;
}

function mapPositions(geometry: GeoJsonGeometry, convert: (p: Position) => Position): GeoJsonGeometry {
  const polygon = (rings: Position[][]) => rings.map((ring) => ring.map(convert));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: polygon(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(polygon) };
}

function countPositions(geometry: GeoJsonGeometry): number {
  let count = 0;
  for (const polygon of geometryPolygons(geometry)) for (const ring of polygon) count += ring.length;
  return count;
}

/** Rings cleaned as the demo boundaries are; rings that collapsed are dropped (and named). */
function cleanSimplified(geometry: Geometry, code: string, dropped: string[]): GeoJsonGeometry | null {
  const polygons =
    geometry.type === "Polygon"
      ? [geometry.coordinates as Position[][]]
      : geometry.type === "MultiPolygon"
        ? (geometry.coordinates as Position[][][])
        : [];
  const usable = (ring: Position[]) => ring.length >= 4 && ringArea(ring) !== 0;
  const kept: Position[][][] = [];
  polygons.forEach(([outer, ...holes], p) => {
    const cleanedOuter = outer ? cleanRing(outer, true) : [];
    if (!usable(cleanedOuter)) {
      dropped.push(`${code} polygon ${p + 1}`);
      return;
    }
    const rings = [cleanedOuter];
    holes.forEach((hole, h) => {
      const cleaned = cleanRing(hole, false);
      if (usable(cleaned)) rings.push(cleaned);
      else dropped.push(`${code} polygon ${p + 1} hole ${h + 1}`);
    });
    kept.push(rings);
  });
  if (kept.length === 0) return null;
  return kept.length === 1 ? { type: "Polygon", coordinates: kept[0]! } : { type: "MultiPolygon", coordinates: kept };
}

/** Which property holds the code or name: the one asked for, or a usual one if every feature has it. */
function pickField(features: readonly Feature[], asked: string | undefined, usual: RegExp[]): string | null {
  if (asked) return asked;
  const names = new Set(features.flatMap((f) => Object.keys(f.properties ?? {})));
  for (const pattern of usual) {
    const match = [...names].find((name) => pattern.test(name));
    if (match && features.every((f) => f.properties?.[match] !== undefined)) return match;
  }
  return null;
}

const CODE_FIELDS = [/^code$/i, /^[a-z]{2,5}\d{2}cd$/i, /^(gss_?code|area_?code|geo_?code)$/i];
const NAME_FIELDS = [/^name$/i, /^[a-z]{2,5}\d{2}nm$/i, /^(area_?name|geo_?name)$/i];

/** An area's stored boundary, or null when it has none (the demo's authorities have none). */
function storedGeometry(db: Sqlite, code: string): GeoJsonGeometry | null {
  const row = db.prepare("SELECT geometry FROM Area WHERE code = ?").get(code) as
    { geometry: string | null } | undefined;
  return row?.geometry ? (JSON.parse(row.geometry) as GeoJsonGeometry) : null;
}

/** How far outside its parent's simplified boundary a ward's inner point may lie (see the check below). */
const PARENT_EDGE_TOLERANCE_METRES = 250;

/** The level above each area type, to check --parent. */
const PARENT_TYPE: Record<AreaType, AreaType | null> = {
  ward: "local_authority",
  local_authority: "region",
  region: "country",
  country: null,
};

interface NewArea {
  code: string;
  name: string;
  population: number | null;
  geometry: GeoJsonGeometry;
  centroidLat: number | null;
  centroidLon: number | null;
}

export const boundariesImporter: KindImporter = {
  extraFiles: () => ({}),
  settings: (request) => ({
    codeField: request.codeField ?? null,
    nameField: request.nameField ?? null,
    populationField: request.populationField ?? null,
    areaType: request.areaType ?? "ward",
    parentCode: request.parentCode ?? null,
    crs: request.crs ?? null,
    minArea: request.minArea ?? DEFAULT_MIN_AREA_M2,
  }),

  async check(context: CheckContext): Promise<CheckedFile | null> {
    const { request, fileName: file, problems, warnings, db, sourceId } = context;
    const areaType = request.areaType ?? "ward";
    const minArea = request.minArea ?? DEFAULT_MIN_AREA_M2;

    const text = await readWholeText(request.file);
    if (text.trim() === "") {
      problems.add({ file, message: "The file is empty." });
      return null;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const position = /position (\d+)/.exec(message);
      const line = position ? text.slice(0, Number(position[1])).split(/\r\n|\r|\n/).length : undefined;
      problems.add({ file, line, message: `This is not valid JSON (${message}).` });
      return null;
    }
    const root = parsed as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
    const features: Feature[] | null =
      root?.type === "FeatureCollection" && Array.isArray(root.features)
        ? (root.features as Feature[])
        : root?.type === "Feature"
          ? [parsed as Feature]
          : null;
    if (!features) {
      problems.add({
        file,
        message: 'This is not a GeoJSON FeatureCollection (its "type" should be "FeatureCollection").',
      });
      return null;
    }
    if (features.length === 0) {
      problems.add({ file, message: "The FeatureCollection has no features." });
      return null;
    }

    // Coordinate system: stated, declared in the file, or judged from the numbers.
    const range = coordinateRange(features);
    if (!range) {
      problems.add({ file, message: "No feature has any coordinates." });
      return null;
    }
    const declared = typeof root.crs?.properties?.name === "string" ? root.crs.properties.name : null;
    let crs: Crs | null = null;
    if (request.crs) {
      crs = parseCrs(request.crs);
      if (!crs) {
        problems.add({
          file,
          message: `--crs ${request.crs} is not supported: use EPSG:4326 (longitude/latitude) or EPSG:27700 (British National Grid).`,
        });
        return null;
      }
      if (declared && parseCrs(declared) !== crs) {
        warnings.add({
          file,
          message: `The file declares its coordinates as ${declared}, but --crs ${request.crs} was given; --crs wins.`,
        });
      }
    } else if (declared) {
      crs = parseCrs(declared);
      if (!crs) {
        problems.add({
          file,
          message: `The file's coordinates are in ${declared}, which this import cannot convert. Export the boundaries as EPSG:4326 (WGS84 longitude/latitude) or EPSG:27700 (British National Grid).`,
        });
        return null;
      }
    } else {
      crs = detectCrs(range);
    }
    const rangeText = `x from ${range.minX} to ${range.maxX}, y from ${range.minY} to ${range.maxY}`;
    if (!crs) {
      problems.add({
        file,
        message: `Cannot tell which coordinate system the file uses (${rangeText}). Give --crs EPSG:27700 for British National Grid, or --crs EPSG:4326 for longitude/latitude.`,
      });
      return null;
    }
    if (crs === "EPSG:4326" && range.minX >= 49 && range.maxX <= 61 && range.minY >= -9 && range.maxY <= 2) {
      problems.add({
        file,
        message: `The coordinates look like latitude, longitude (${rangeText}); GeoJSON puts longitude first. Swap them in the program that wrote the file.`,
      });
      return null;
    }
    if (crs === "EPSG:27700" && detectCrs(range) !== "EPSG:27700") {
      problems.add({ file, message: `These coordinates cannot be British National Grid metres (${rangeText}).` });
      return null;
    }

    const codeField = pickField(features, request.codeField, CODE_FIELDS);
    const nameField = pickField(features, request.nameField, NAME_FIELDS);
    const available = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))].join(", ") || "(none)";
    if (!codeField) {
      problems.add({
        file,
        message: `Which property holds the area code? Give --code-field. The features have: ${available}.`,
      });
    }
    if (!nameField) {
      problems.add({
        file,
        message: `Which property holds the area name? Give --name-field. The features have: ${available}.`,
      });
    }
    if (!codeField || !nameField) return null;

    // The parent, if any, must exist already.
    const known = loadAreas(db);
    let parent: AreaRow | undefined;
    if (request.parentCode) {
      parent = known.get(request.parentCode);
      if (!parent) {
        problems.add({
          file,
          message: `The parent area ${request.parentCode} is not in the database. Import its boundary first (with its own --type), or check the code.`,
        });
      } else if (PARENT_TYPE[areaType] && parent.type !== PARENT_TYPE[areaType]) {
        warnings.add({
          file,
          message: `The parent ${parent.code} (${parent.name}) is a ${parent.type}; areas of type ${areaType} usually sit in a ${PARENT_TYPE[areaType]}.`,
        });
      }
    } else if (areaType === "ward") {
      problems.add({
        file,
        message: "Give the local authority the wards belong to with --parent, e.g. --parent E06000031.",
      });
    } else if (areaType !== "country") {
      warnings.add({
        file,
        message: `No --parent given: the new ${areaType} areas will not sit under any larger area.`,
      });
    }

    // A --population-field that no feature has is a misspelt name, not a file without populations.
    if (request.populationField && !features.some((f) => f?.properties && request.populationField! in f.properties)) {
      problems.add({
        file,
        column: request.populationField,
        message: `No feature has the property "${request.populationField}" named by --population-field. The features have: ${available}.`,
      });
    }
    // Wards must lie in the authority they are imported into (when its boundary is known): a file of another
    // authority's wards, or coordinates shifted or swapped, would otherwise be mapped as its wards.
    const parentGeometry = parent && areaType === "ward" ? storedGeometry(db, parent.code) : null;

    // Every feature: code, name, population, geometry.
    const convert: (p: Position) => Position = crs === "EPSG:27700" ? ([x, y]) => bngToWgs84(x, y) : ([x, y]) => [x, y];
    const areas: NewArea[] = [];
    const seen = new Map<string, number>();
    let pointsBefore = 0;
    features.forEach((f, index) => {
      const props = (f?.properties ?? {}) as Record<string, unknown>;
      const rawCode = props[codeField];
      const code = typeof rawCode === "number" ? String(rawCode) : typeof rawCode === "string" ? rawCode.trim() : "";
      const where = `feature ${index + 1}${code ? ` (${code})` : ""}`;
      const report = (message: string, column?: string) => problems.add({ file, where, column, message });
      let ok = true;
      if (code === "") {
        report(`The area code is missing.`, codeField);
        ok = false;
      } else if (seen.has(code)) {
        report(`The area code ${code} is used twice (also by feature ${seen.get(code)}).`, codeField);
        ok = false;
      } else {
        seen.set(code, index + 1);
        const existing = known.get(code);
        if (existing && existing.sourceId !== sourceId) {
          report(
            `The area ${code} (${existing.name}) already exists${existing.sourceId ? ` (from the source "${existing.sourceId}")` : ""}; areas from other sources are never replaced.`,
            codeField,
          );
          ok = false;
        }
      }
      const rawName = props[nameField];
      const name = typeof rawName === "string" ? rawName.trim() : typeof rawName === "number" ? String(rawName) : "";
      if (name === "") {
        report("The area name is missing.", nameField);
        ok = false;
      }
      let population: number | null = null;
      if (request.populationField) {
        const value = props[request.populationField];
        const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
        if (value === undefined || value === null || value === "") population = null;
        else if (typeof number === "number" && Number.isInteger(number) && number >= 0) population = number;
        else {
          report(`The population "${String(value)}" should be a whole number of 0 or more.`, request.populationField);
          ok = false;
        }
      }
      const geometryIssues = geometryProblems(f?.geometry);
      for (const issue of geometryIssues) report(issue);
      if (!ok || geometryIssues.length > 0) return;
      const geometry = mapPositions(f.geometry as GeoJsonGeometry, convert);
      const inside = parentGeometry && pointOnSurface(geometry);
      // The parent's stored boundary is simplified (by up to tens of metres): a point just outside it is
      // a narrow ward along the authority's edge, not a ward of another authority.
      if (
        inside &&
        !pointInPolygon(inside, parentGeometry) &&
        distanceToBoundaryMetres(inside, parentGeometry) > PARENT_EDGE_TOLERANCE_METRES
      ) {
        report(
          `The ward lies outside its parent ${parent!.code} (${parent!.name}): a point inside it (${inside.map((n) => n.toFixed(5)).join(", ")}) is not within ${parent!.name}'s boundary. Check --parent, and that the file holds ${parent!.name}'s wards.`,
          "geometry",
        );
        return;
      }
      pointsBefore += countPositions(geometry);
      areas.push({ code, name, population, geometry, centroidLat: null, centroidLon: null });
    });

    // Areas a previous import of this source made that this file leaves out: removable only if unused.
    const stale = [...known.values()].filter((area) => area.sourceId === sourceId && !seen.has(area.code));
    const uses = db.prepare(
      `SELECT (SELECT COUNT(*) FROM Observation WHERE areaCode = @code) AS observations,
              (SELECT COUNT(*) FROM Asset WHERE areaCode = @code) AS assets,
              (SELECT COUNT(*) FROM Area WHERE parentCode = @code OR successorCode = @code) AS areas`,
    );
    for (const area of stale) {
      const used = uses.get({ code: area.code }) as { observations: number; assets: number; areas: number };
      if (used.observations + used.assets + used.areas > 0) {
        problems.add({
          file,
          message:
            `The area ${area.code} (${area.name}), imported earlier from this source, is not in this file, but ` +
            `${used.observations} figures, ${used.assets} assets and ${used.areas} other areas refer to it, so it cannot be removed. Keep it in the file.`,
        });
      }
    }
    if (!problems.isEmpty) return null;

    // Simplify the whole set at once, so shared borders stay shared.
    const collection: FeatureCollection<Geometry, { code: string }> = {
      type: "FeatureCollection",
      features: areas.map((area) => ({ type: "Feature", properties: { code: area.code }, geometry: area.geometry })),
    };
    const topo = topology({ areas: collection }) as unknown as Topology<{
      areas: GeometryCollection<{ code: string }>;
    }>;
    const [, minLat, , maxLat] = geometryBounds(areas.map((area) => area.geometry));
    const middleLatitude = (minLat + maxLat) / 2;
    const simplified = simplify(presimplify(topo, triangleAreaAt(middleLatitude)), minArea);
    const output = topoFeature(simplified, simplified.objects.areas);
    const dropped: string[] = [];
    let pointsAfter = 0;
    output.features.forEach((f, index) => {
      const area = areas[index]!;
      const geometry = cleanSimplified(f.geometry, area.code, dropped);
      if (!geometry) {
        problems.add({
          file,
          where: area.code,
          message: `The area ${area.code} (${area.name}) vanishes when simplified at ${minArea} m²: give a smaller --min-area.`,
        });
        return;
      }
      area.geometry = geometry;
      pointsAfter += countPositions(geometry);
      const label = pointOnSurface(geometry);
      area.centroidLon = label ? label[0] : null;
      area.centroidLat = label ? label[1] : null;
    });
    if (dropped.length > 0) {
      warnings.add({
        file,
        message: `Simplification removed ${dropped.length} ring(s) too small to see on the map: ${dropped.slice(0, 10).join(", ")}${dropped.length > 10 ? ", …" : ""}.`,
      });
    }
    const crossing = problems.isEmpty
      ? findCrossing(areas.flatMap((area) => geometrySegments(area.geometry, `${area.code} `)))
      : null;
    if (crossing) {
      problems.add({
        file,
        message: `After simplification at ${minArea} m², borders cross (${crossing[0].owner} and ${crossing[1].owner}). Give a smaller --min-area.`,
      });
    }
    if (!problems.isEmpty) return null;

    const summary = [
      `${areas.length} area(s) of type ${areaType}${parent ? ` in ${parent.code} (${parent.name})` : ""}.`,
      crs === "EPSG:27700"
        ? "Coordinates converted from British National Grid (EPSG:27700) to WGS84 longitude/latitude."
        : "Coordinates are WGS84 longitude/latitude.",
      `Simplified for the web (triangles under ${minArea.toLocaleString("en-GB")} m² removed, shared borders kept): ` +
        `${pointsBefore.toLocaleString("en-GB")} → ${pointsAfter.toLocaleString("en-GB")} points.`,
      ...(stale.length ? [`Areas no longer in the file, to be removed: ${stale.map((a) => a.code).join(", ")}.`] : []),
    ];
    return {
      rowsRead: features.length,
      rowsLabel: "features",
      summary,
      async write({ db: rw, sourceId: id }) {
        return writeAreas(
          rw,
          id,
          areas,
          areaType,
          parent?.code ?? null,
          stale.map((a) => a.code),
        );
      },
    };
  },
};

function writeAreas(
  db: Sqlite,
  sourceId: string,
  areas: readonly NewArea[],
  type: AreaType,
  parentCode: string | null,
  stale: readonly string[],
) {
  const before = (db.prepare("SELECT COUNT(*) AS n FROM Area WHERE sourceId = ?").get(sourceId) as { n: number }).n;
  const upsert = db.prepare(
    `INSERT INTO Area (code, name, type, parentCode, population, geometry, centroidLat, centroidLon, sourceId)
     VALUES (@code, @name, @type, @parentCode, @population, @geometry, @centroidLat, @centroidLon, @sourceId)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, type = excluded.type, parentCode = excluded.parentCode,
       population = excluded.population, geometry = excluded.geometry, centroidLat = excluded.centroidLat,
       centroidLon = excluded.centroidLon, sourceId = excluded.sourceId`,
  );
  for (const area of areas) {
    upsert.run({ ...area, type, parentCode, geometry: JSON.stringify(area.geometry), sourceId });
  }
  const remove = db.prepare("DELETE FROM Area WHERE code = ? AND sourceId = ?");
  for (const code of stale) remove.run(code, sourceId);
  return { rowsWritten: areas.length, rowsReplaced: before };
}

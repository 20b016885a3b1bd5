// `npm run import -- assets <file.csv>`: a register of community assets (id?, name, category, lat,
// lon), each placed in the area whose boundary contains it (the most local one: a ward rather
// than its local authority). Points outside every boundary are refused with the nearest area
// named, and swapped latitude/longitude is spotted.
import crypto from "node:crypto";
import { ASSET_CATEGORIES } from "@/lib/assets/categories";
import { ASSET_INDICATOR_SLUGS, assetIndicatorObservations } from "@/lib/assets/asset-indicators";
import type { AssetRecord, GeoJsonGeometry, Observation, Position } from "@/lib/domain/types";
import { geometryBounds, geometryPolygons, pointInPolygon, type Bounds } from "@/lib/geography/geometry";
import { bngToWgs84 } from "@/lib/import/british-national-grid";
import { readOptionalNumber } from "@/lib/import/cells";
import { cellOf, eachRow, openCsvTable } from "@/lib/import/csv-reader";
import {
  applyDemoReplacement,
  checkDemoReplacement,
  DEMO_SYNTHETIC_SOURCE_IDS,
  describeDemoReplacement,
  type DemoReplacement,
} from "@/lib/import/demo-replacement";
import { insertObservations } from "@/lib/import/observations";
import { loadAreaGeometries, placeholders, type Sqlite } from "@/lib/import/store";
import type { CheckContext, CheckedFile, ImportRequest, KindImporter } from "@/lib/import/types";

export const ASSET_COLUMNS = {
  required: ["name", "category"],
  optional: ["id", "lat", "lon", "easting", "northing"],
  aliases: { latitude: "lat", longitude: "lon", long: "lon", lng: "lon", x: "easting", y: "northing" },
} as const;

const TYPE_ORDER = ["ward", "local_authority", "region", "country"];

/** Category keys by every accepted spelling: the key, or its label, in any case. */
const CATEGORY_BY_NAME = new Map<string, string>(
  ASSET_CATEGORIES.flatMap((c) => [
    [c.key, c.key],
    [c.label.toLowerCase(), c.key],
    [c.plural.toLowerCase(), c.key],
  ]),
);

export function readCategory(text: string): string | null {
  return CATEGORY_BY_NAME.get(text.trim().toLowerCase()) ?? null;
}

interface AreaShape {
  code: string;
  name: string;
  rank: number;
  geometry: GeoJsonGeometry;
  bounds: Bounds;
}

/** Finds the most local area containing a point. */
export class AreaLocator {
  private readonly shapes: AreaShape[];

  constructor(areas: readonly { code: string; name: string; type: string; geometry: GeoJsonGeometry }[]) {
    this.shapes = areas.map((area) => ({
      code: area.code,
      name: area.name,
      rank: TYPE_ORDER.indexOf(area.type) === -1 ? TYPE_ORDER.length : TYPE_ORDER.indexOf(area.type),
      geometry: area.geometry,
      bounds: geometryBounds(area.geometry),
    }));
  }

  get size(): number {
    return this.shapes.length;
  }

  locate(point: Position): AreaShape | null {
    let best: AreaShape | null = null;
    for (const shape of this.shapes) {
      const [minLon, minLat, maxLon, maxLat] = shape.bounds;
      if (point[0] < minLon || point[0] > maxLon || point[1] < minLat || point[1] > maxLat) continue;
      if ((best === null || shape.rank < best.rank) && pointInPolygon(point, shape.geometry)) best = shape;
    }
    return best;
  }

  /** The area with a boundary vertex nearest the point, and roughly how far it is (km). */
  nearest(point: Position): { name: string; code: string; km: number } | null {
    let found: { name: string; code: string; km: number } | null = null;
    const kmPerLon = 111.32 * Math.cos((point[1] * Math.PI) / 180);
    for (const shape of this.shapes) {
      for (const polygon of geometryPolygons(shape.geometry)) {
        for (const ring of polygon) {
          for (const [lon, lat] of ring) {
            const km = Math.hypot((lon - point[0]) * kmPerLon, (lat - point[1]) * 111.32);
            if (!found || km < found.km) found = { name: shape.name, code: shape.code, km };
          }
        }
      }
    }
    return found;
  }
}

/** The period of the asset indicators an import computes: --period, else the year the import runs. */
function assetPeriod(request: ImportRequest): string {
  return request.period ?? String((request.now?.() ?? new Date()).getFullYear());
}

interface CountedWard {
  code: string;
  population: number;
  parentCode: string | null;
}

/** What an asset import does to the two asset indicators. */
type IndicatorPlan =
  { recompute: false } | { recompute: true; rows: Observation[]; replacement: DemoReplacement; summary: string[] };

/**
 * Whether this register's counts become the asset indicators, and the figures if so. They do when
 * nothing else feeds those indicators (a council's first register), when this source fed them before
 * (a corrected register), or when --replace-demo replaces the demo's illustrative register. Otherwise
 * the assets go on the maps and a warning says why the indicators were left as they are.
 */
function planAssetIndicators(context: CheckContext, assets: readonly AssetRecord[]): IndicatorPlan {
  const { db, sourceId, synthetic, request, problems, warnings, fileName } = context;
  const holders = (
    db
      .prepare(
        `SELECT DISTINCT sourceId FROM Observation WHERE indicatorSlug IN (${placeholders(ASSET_INDICATOR_SLUGS.length)}) AND sourceId != ?`,
      )
      .all(...ASSET_INDICATOR_SLUGS, sourceId) as { sourceId: string }[]
  ).map((row) => row.sourceId);
  const demoHolds = holders.some((id) => DEMO_SYNTHETIC_SOURCE_IDS.includes(id));
  const otherImports = holders.filter((id) => !DEMO_SYNTHETIC_SOURCE_IDS.includes(id));
  const slugs = ASSET_INDICATOR_SLUGS.join(" and ");
  if (otherImports.length) {
    warnings.add({
      file: fileName,
      message:
        `${slugs} are counted from the register imported as "${otherImports.join('", "')}", so they were not recounted from this one. ` +
        `To count every asset, keep the register in one file and import it under that source (--source-id ${otherImports[0]}).`,
    });
    return { recompute: false };
  }
  if (demoHolds && (synthetic || !request.replaceDemo)) {
    warnings.add({
      file: fileName,
      message: synthetic
        ? `${slugs} are still counted from the demo's illustrative register; a --synthetic register does not replace it.`
        : `${slugs} are still counted from the demo's illustrative register, whose assets stay on the maps beside these. ` +
          "Add --replace-demo to replace that register with this one and count these assets instead.",
    });
    return { recompute: false };
  }
  const replacement = checkDemoReplacement(context, ASSET_INDICATOR_SLUGS, {
    replacesAssetRegister: Boolean(request.replaceDemo),
  });
  if (!replacement) return { recompute: false };

  // Every current ward of each local authority the register reaches is counted, with zeros where it has no asset.
  const wards = db
    .prepare(
      `SELECT code, population, parentCode FROM Area WHERE type = 'ward' AND successorCode IS NULL ORDER BY code`,
    )
    .all() as { code: string; population: number | null; parentCode: string | null }[];
  const wardByCode = new Map(wards.map((ward) => [ward.code, ward]));
  const reached = new Set(assets.map((asset) => wardByCode.get(asset.areaCode)?.parentCode).filter(Boolean));
  const inReach = wards.filter((ward) => reached.has(ward.parentCode));
  // A rate needs residents: a ward stored without a population (or with 0) gets no figure.
  const counted: CountedWard[] = inReach.filter((ward): ward is CountedWard => (ward.population ?? 0) > 0);
  const unpopulated = inReach.filter((ward) => !((ward.population ?? 0) > 0)).map((ward) => ward.code);
  if (unpopulated.length) {
    warnings.add({
      file: fileName,
      message:
        `No population (or 0) is stored for ${unpopulated.slice(0, 5).join(", ")}${unpopulated.length > 5 ? `, … (${unpopulated.length} wards)` : ""}, ` +
        "so no rate per 1,000 residents can be given there; import the boundaries with --population-field to add it.",
    });
  }
  const countedCodes = new Set(counted.map((ward) => ward.code));
  const inCounted = assets.filter((asset) => countedCodes.has(asset.areaCode));
  if (inCounted.length < assets.length) {
    warnings.add({
      file: fileName,
      message: `${assets.length - inCounted.length} asset(s) lie outside any ward with a population: they are on the maps but not in ${slugs}.`,
    });
  }
  if (counted.length === 0) {
    if (request.replaceDemo) {
      problems.add({
        file: fileName,
        message:
          `--replace-demo: no ward this register reaches has a population, so ${slugs} cannot be counted from it, ` +
          "and the demo's register and figures were not replaced. Import the wards with --population-field first.",
      });
    }
    return { recompute: false };
  }
  const period = assetPeriod(request);
  const rows = assetIndicatorObservations({ assets: inCounted, wards: counted, period, sourceId, synthetic });
  const totals = [...new Set(counted.map((ward) => ward.parentCode).filter(Boolean))];
  return {
    recompute: true,
    rows,
    replacement,
    summary: [
      `${slugs} for ${period}, counted from this register: ${counted.length} ward(s)` +
        (totals.length ? ` and the total for ${totals.join(", ")}` : "") +
        ` (${rows.length} figures; --period sets the period).`,
    ],
  };
}

export const assetsImporter: KindImporter = {
  extraFiles: () => ({}),
  settings: (request) => ({ period: assetPeriod(request) }),

  async check(context: CheckContext): Promise<CheckedFile | null> {
    const { request, problems, db, sourceId, synthetic, progress } = context;
    const table = await openCsvTable(request.file, ASSET_COLUMNS, context);
    if (!table) return null;
    const useGrid = !table.columns.has("lat") && !table.columns.has("lon");
    const need = useGrid ? ["easting", "northing"] : ["lat", "lon"];
    for (const column of need) {
      if (!table.columns.has(column)) {
        problems.add({
          file: table.file,
          line: 1,
          column,
          message: `The file has no "${column}" column. Give each asset's position as lat and lon (WGS84 degrees), or as easting and northing (British National Grid metres).`,
        });
      }
    }
    if (!problems.isEmpty) return null;

    const locator = new AreaLocator(
      loadAreaGeometries(db).map((row) => ({ ...row, geometry: JSON.parse(row.geometry) as GeoJsonGeometry })),
    );
    if (locator.size === 0) {
      problems.add({
        file: table.file,
        message: "The database has no area boundaries to place assets in. Import boundaries first.",
      });
      return null;
    }

    const assets: AssetRecord[] = [];
    const ids = new Map<string, number>();
    const perArea = new Map<string, number>();
    let read = 0;
    for await (const row of eachRow(table)) {
      read++;
      const report = (column: string | undefined, message: string) =>
        problems.add({ file: table.file, line: row.line, column, message });
      const text = (column: string) => cellOf(row, table.columns, column);
      let ok = true;
      const name = text("name");
      if (name === "") {
        report("name", "The name is empty.");
        ok = false;
      }
      const categoryText = text("category");
      const category = readCategory(categoryText);
      if (!category) {
        report(
          "category",
          categoryText === ""
            ? "The category is empty."
            : `"${categoryText}" is not a known category. Use one of: ${ASSET_CATEGORIES.map((c) => c.key).join(", ")}.`,
        );
        ok = false;
      }
      const number = (column: string): number | null => {
        const cell = readOptionalNumber(text(column));
        if (!cell.ok) report(column, cell.reason);
        else if (cell.value === null) report(column, `The ${column} is empty.`);
        else return cell.value;
        ok = false;
        return null;
      };
      const [first, second] = need as [string, string];
      const a = number(first);
      const b = number(second);
      let point: Position | null = null;
      if (a !== null && b !== null) {
        if (useGrid) {
          if (a < 0 || a > 800_000 || b < 0 || b > 1_300_000) {
            report(
              first,
              `${a}, ${b} is not a British National Grid position (eastings run 0–700,000, northings 0–1,250,000).`,
            );
            ok = false;
          } else point = bngToWgs84(a, b);
        } else if (a < -90 || a > 90) {
          report(
            "lat",
            `The latitude ${a} is not between -90 and 90.${Math.abs(b) <= 90 ? " Are lat and lon swapped?" : ""}`,
          );
          ok = false;
        } else if (b < -180 || b > 180) {
          report("lon", `The longitude ${b} is not between -180 and 180.`);
          ok = false;
        } else point = [b, a];
      }

      const rawId = text("id");
      let id: string;
      if (rawId !== "") {
        id = `${sourceId}:${rawId}`;
        const earlier = ids.get(id);
        if (earlier !== undefined) {
          report("id", `The id "${rawId}" is used twice (also on line ${earlier}).`);
          ok = false;
        }
      } else {
        // No id: one from the content, stable across imports of the same register.
        const digest = crypto.createHash("sha256").update(`${name}|${category}|${a}|${b}`).digest("hex").slice(0, 12);
        id = `${sourceId}:${digest}`;
        const earlier = ids.get(id);
        if (earlier !== undefined) {
          report(undefined, `This asset repeats line ${earlier} (same name, category and position).`);
          ok = false;
        }
      }
      ids.set(id, row.line);

      if (point && ok) {
        const area = locator.locate(point);
        if (!area) {
          const swapped = !useGrid && locator.locate([point[1], point[0]]);
          const nearest = locator.nearest(point);
          report(
            useGrid ? "easting" : "lat",
            `The position (${useGrid ? `easting ${a}, northing ${b}` : `lat ${a}, lon ${b}`}) is outside every area boundary in the database` +
              (swapped
                ? "; with lat and lon swapped it would be inside, so check the columns."
                : nearest
                  ? ` (the nearest is ${nearest.name}, ${nearest.code}, about ${nearest.km.toFixed(1)} km away).`
                  : "."),
          );
          ok = false;
        } else if (ok) {
          perArea.set(area.code, (perArea.get(area.code) ?? 0) + 1);
          assets.push({
            id,
            name,
            category: category!,
            lat: Math.round(point[1] * 1e6) / 1e6,
            lon: Math.round(point[0] * 1e6) / 1e6,
            areaCode: area.code,
            synthetic,
            sourceId,
          });
        }
      }
      progress.update(`Checking ${table.file}`, { read, validated: assets.length });
    }
    if (!problems.isEmpty) return null;

    const indicators = planAssetIndicators(context, assets);
    if (!problems.isEmpty) return null;

    const byCategory = new Map<string, number>();
    for (const asset of assets) byCategory.set(asset.category, (byCategory.get(asset.category) ?? 0) + 1);
    return {
      rowsRead: read,
      summary: [
        `${assets.length} asset(s) in ${perArea.size} area(s).`,
        ...[...byCategory].sort().map(([category, count]) => `  ${category}: ${count}`),
        ...(indicators.recompute ? [...indicators.summary, ...describeDemoReplacement(indicators.replacement)] : []),
      ],
      async write({ db: rw, sourceId: id }) {
        const counts = writeAssets(rw, id, assets);
        // The asset indicators this source computed before are recomputed, or (if it no longer feeds them) go.
        counts.rowsReplaced += rw.prepare("DELETE FROM Observation WHERE sourceId = ?").run(id).changes;
        if (indicators.recompute) {
          applyDemoReplacement(rw, indicators.replacement, id);
          counts.rowsWritten += await insertObservations(rw, [indicators.rows]);
        }
        return counts;
      },
    };
  },
};

function writeAssets(db: Sqlite, sourceId: string, assets: readonly AssetRecord[]) {
  const replaced = db.prepare("DELETE FROM Asset WHERE sourceId = ?").run(sourceId).changes;
  const insert = db.prepare(
    `INSERT INTO Asset (id, name, category, lat, lon, areaCode, synthetic, sourceId)
     VALUES (@id, @name, @category, @lat, @lon, @areaCode, @synthetic, @sourceId)`,
  );
  for (const asset of assets) insert.run({ ...asset, synthetic: asset.synthetic ? 1 : 0 });
  return { rowsWritten: assets.length, rowsReplaced: replaced };
}

// `npm run import -- assets <file.csv>`: a register of community assets (id?, name, category, lat,
// lon), each placed in the area whose boundary contains it (the most local one: a ward rather
// than its local authority). Points outside every boundary are refused with the nearest area
// named, and swapped latitude/longitude is spotted.
import crypto from "node:crypto";
import { ASSET_CATEGORIES } from "@/lib/assets/categories";
import type { AssetRecord, GeoJsonGeometry, Position } from "@/lib/domain/types";
import { geometryBounds, geometryPolygons, pointInPolygon, type Bounds } from "@/lib/geography/geometry";
import { bngToWgs84 } from "@/lib/import/british-national-grid";
import { readOptionalNumber } from "@/lib/import/cells";
import { cellOf, eachRow, openCsvTable } from "@/lib/import/csv-reader";
import { loadAreaGeometries, type Sqlite } from "@/lib/import/store";
import type { CheckContext, CheckedFile, KindImporter } from "@/lib/import/types";

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

export const assetsImporter: KindImporter = {
  extraFiles: () => ({}),
  settings: () => ({}),

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

    const byCategory = new Map<string, number>();
    for (const asset of assets) byCategory.set(asset.category, (byCategory.get(asset.category) ?? 0) + 1);
    return {
      rowsRead: read,
      summary: [
        `${assets.length} asset(s) in ${perArea.size} area(s).`,
        ...[...byCategory].sort().map(([category, count]) => `  ${category}: ${count}`),
      ],
      async write({ db: rw, sourceId: id }) {
        return writeAssets(rw, id, assets);
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

// A small map of one ward and its community assets, as inline SVG (no tiles, no JavaScript).
// Each asset is a numbered marker whose shape (and colour) gives its kind, so the map reads in
// greyscale print and without colour vision; the numbers match the ordered list on the page.
// Server component: no hooks.
import { assetCategoryLabel, assetKind, type AssetKind } from "@/lib/assets/categories";
import type { GeoJsonGeometry } from "@/lib/domain/types";
import { geometryBounds, type Bounds } from "@/lib/geography/geometry";
import { createProjection, fittedHeight, geometryToSvgPath } from "@/lib/geography/projection";
import { roundTo } from "@/components/charts/scale";

export interface AssetMapAsset {
  id: string;
  name: string;
  category: string;
  lat: number;
  lon: number;
}

export interface AssetMapProps {
  geometry: GeoJsonGeometry;
  /** Numbered 1, 2, 3… in this order: list the assets on the page in the same order. */
  assets: AssetMapAsset[];
  /** Used in the accessible summary, e.g. "Map of Barnack showing …". */
  areaName?: string;
  /** viewBox width; the height follows the ward's shape. The SVG is width 100% of its container. */
  width?: number;
  className?: string;
}

const INK = "#0b0c0c";
/** Room around the ward so markers on its edge are not cut off. */
const PADDING = 14;
/** Markers are about 2 × RADIUS across; two-digit numbers fit inside at 12px bold. */
const RADIUS = 9.5;

/**
 * Shape first, colour second (Okabe–Ito). Number colours give at least 5.2:1 on their fill; every
 * marker has a dark outline, so it stands out from the light ward fill whatever its colour.
 */
export const ASSET_KIND_STYLE: Record<
  AssetKind,
  { shape: "square" | "circle" | "diamond"; fill: string; text: string; legend: string }
> = {
  space: {
    shape: "square",
    fill: "#0072B2",
    text: "#ffffff",
    legend: "Square: community space (library, centre or hall)",
  },
  group: { shape: "circle", fill: "#E69F00", text: INK, legend: "Circle: group or organisation" },
  other: { shape: "diamond", fill: "#009E73", text: INK, legend: "Diamond: park or green space (not counted)" },
};

export function AssetMarkerShape({ kind, radius = RADIUS }: { kind: AssetKind; radius?: number }) {
  const { shape, fill } = ASSET_KIND_STYLE[kind];
  const common = { fill, stroke: INK, strokeWidth: 1.5 };
  if (shape === "circle") return <circle r={radius} {...common} />;
  if (shape === "square") {
    const half = radius * 0.9;
    return <rect x={-half} y={-half} width={2 * half} height={2 * half} {...common} />;
  }
  const d = roundTo(radius * 1.2);
  return <path d={`M0,${-d}L${d},0L0,${d}L${-d},0Z`} {...common} />;
}

interface PlacedMarker {
  /** The asset's true position. */
  x: number;
  y: number;
  /** Where the marker is drawn: moved off a marker already placed, with a leader line back. */
  markerX: number;
  markerY: number;
}

/**
 * Places markers in order, nudging any that would overlap an earlier one to the nearest free spot
 * on rings around its true position (deterministic: same input, same picture). Nudged markers get
 * a leader line to a small dot at the true position. If no spot is free, the marker stays put.
 */
export function placeMarkers(
  points: readonly [number, number][],
  radius: number,
  width: number,
  height: number,
): PlacedMarker[] {
  // 2 × radius would let the diamonds' points (1.2 × radius from the centre) touch: leave room.
  const minDistance = 2 * radius + 4;
  const placed: PlacedMarker[] = [];
  const isFree = (x: number, y: number) =>
    x >= radius &&
    x <= width - radius &&
    y >= radius &&
    y <= height - radius &&
    placed.every((p) => Math.hypot(p.markerX - x, p.markerY - y) >= minDistance);
  for (const [x, y] of points) {
    let spot: [number, number] = [x, y];
    if (!isFree(x, y)) {
      search: for (let ring = 1; ring <= 4; ring++) {
        const distance = ring * minDistance;
        const steps = 6 * ring;
        for (let step = 0; step < steps; step++) {
          // Start straight up and go clockwise, so the order of tries is fixed.
          const angle = -Math.PI / 2 + (2 * Math.PI * step) / steps;
          const candidate: [number, number] = [x + distance * Math.cos(angle), y + distance * Math.sin(angle)];
          if (isFree(...candidate)) {
            spot = candidate;
            break search;
          }
        }
      }
    }
    placed.push({ x, y, markerX: spot[0], markerY: spot[1] });
  }
  return placed;
}

function boundsWithPoints(geometry: GeoJsonGeometry, assets: readonly AssetMapAsset[]): Bounds {
  const [minLon, minLat, maxLon, maxLat] = geometryBounds(geometry);
  // An asset just outside the boundary (a geocoding wobble) must still be on the map.
  return [
    Math.min(minLon, ...assets.map((a) => a.lon)),
    Math.min(minLat, ...assets.map((a) => a.lat)),
    Math.max(maxLon, ...assets.map((a) => a.lon)),
    Math.max(maxLat, ...assets.map((a) => a.lat)),
  ];
}

export function assetMapSummary(assets: readonly AssetMapAsset[], areaName?: string): string {
  const counts: Record<AssetKind, number> = { space: 0, group: 0, other: 0 };
  for (const asset of assets) counts[assetKind(asset.category)]++;
  const where = areaName ? `Map of ${areaName}` : "Map of the ward";
  if (assets.length === 0) return `${where}: no community assets recorded.`;
  const parts = [
    counts.space > 0 ? `${counts.space} community ${counts.space === 1 ? "space" : "spaces"} (squares)` : null,
    counts.group > 0 ? `${counts.group} ${counts.group === 1 ? "group" : "groups"} (circles)` : null,
    counts.other > 0
      ? `${counts.other} ${counts.other === 1 ? "park or green space" : "parks and green spaces"} (diamonds)`
      : null,
  ].filter(Boolean);
  return `${where} showing ${assets.length} community ${assets.length === 1 ? "asset" : "assets"}, numbered as in the list: ${parts.join(", ")}.`;
}

export function AssetMap({ geometry, assets, areaName, width = 360, className }: AssetMapProps) {
  const bounds = boundsWithPoints(geometry, assets);
  const height = roundTo(fittedHeight(bounds, width, PADDING));
  const project = createProjection(bounds, width, height, PADDING);
  const markers = placeMarkers(
    assets.map((a) => project([a.lon, a.lat])),
    RADIUS,
    width,
    height,
  );
  const summary = assetMapSummary(assets, areaName);
  const kindsShown = (["space", "group", "other"] as const).filter((kind) =>
    assets.some((a) => assetKind(a.category) === kind),
  );

  return (
    <figure className={className} data-testid="asset-map">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary}>
        <title>{summary}</title>
        <path
          d={geometryToSvgPath(geometry, project, 1)}
          fill="#f3f2f1"
          stroke={INK}
          strokeWidth={1.5}
          strokeLinejoin="round"
          fillRule="evenodd"
        />
        {/* Leader lines first, so no line runs across a marker drawn earlier. */}
        <g stroke={INK} strokeWidth={1} fill={INK} data-part="leaders">
          {markers.map((marker, i) =>
            marker.markerX !== marker.x || marker.markerY !== marker.y ? (
              <g key={assets[i]!.id}>
                <path
                  d={`M${roundTo(marker.x)},${roundTo(marker.y)}L${roundTo(marker.markerX)},${roundTo(marker.markerY)}`}
                />
                <circle cx={roundTo(marker.x)} cy={roundTo(marker.y)} r={2} />
              </g>
            ) : null,
          )}
        </g>
        {markers.map((marker, i) => {
          const asset = assets[i]!;
          const kind = assetKind(asset.category);
          return (
            <g
              key={asset.id}
              data-asset-id={asset.id}
              data-kind={kind}
              transform={`translate(${roundTo(marker.markerX)},${roundTo(marker.markerY)})`}
            >
              <title>{`${i + 1}. ${asset.name} (${assetCategoryLabel(asset.category)})`}</title>
              <AssetMarkerShape kind={kind} />
              <text textAnchor="middle" dy="0.35em" fontSize={12} fontWeight={700} fill={ASSET_KIND_STYLE[kind].text}>
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      {kindsShown.length > 0 && (
        <figcaption>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Map key">
            {kindsShown.map((kind) => (
              <li key={kind} className="flex items-center gap-2">
                <svg viewBox="-12 -12 24 24" width={24} height={24} aria-hidden="true" focusable="false">
                  <AssetMarkerShape kind={kind} radius={8} />
                </svg>
                <span>{ASSET_KIND_STYLE[kind].legend}</span>
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}

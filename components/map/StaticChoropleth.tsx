// The whole-authority choropleth as inline SVG: the no-JavaScript and print twin of the Leaflet map.
// Each ward is a link (SVG <a> is keyboard-focusable) named by its <title>; suppressed wards are
// hatched and wards with no figure dotted, so the no-data states never depend on colour alone.
// Server component: no hooks, no client JavaScript.
import type { MapArea } from "@/components/map/types";
import type { GeoJsonGeometry } from "@/lib/domain/types";
import { PatternDefs, patternFill } from "@/components/map/PatternDefs";
import { geometryBounds } from "@/lib/geography/geometry";
import { createProjection, fittedHeight, geometryToSvgPath } from "@/lib/geography/projection";
import { roundTo } from "@/components/charts/scale";

/** A map area with its boundary; `highlighted` (from MapArea) gets a thick outline, drawn on top. */
export interface StaticChoroplethArea extends MapArea {
  geometry: GeoJsonGeometry;
}

export interface StaticChoroplethProps {
  areas: StaticChoroplethArea[];
  /** What the map shows, e.g. "Formal volunteering, 2024": the accessible name is "Map: <title>". */
  title: string;
  /** viewBox width; the height follows the shape of the authority. The SVG is width 100%. */
  width?: number;
  className?: string;
}

const PADDING = 6;
const INK = "#0b0c0c";
/** Keyboard focus: GOV.UK-style yellow fill (the outline alone could hide under a neighbour). */
const PATH_CLASS = "group-hover:opacity-80 group-focus-visible:fill-[var(--color-focus)]";

export function StaticChoropleth({ areas, title, width = 600, className }: StaticChoroplethProps) {
  if (areas.length === 0) return null;
  const bounds = geometryBounds(areas.map((area) => area.geometry));
  const height = roundTo(fittedHeight(bounds, width, PADDING));
  const project = createProjection(bounds, width, height, PADDING);
  const paths = areas.map((area) => geometryToSvgPath(area.geometry, project, 1));

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      // Fills a fixed-size box (the explorer's map frame) without overflowing, keeping its aspect
      // ratio; in a box of auto height the height follows the viewBox's aspect ratio.
      width="100%"
      height="100%"
      // Not role="img": that would hide the ward links inside from assistive technology.
      role="group"
      aria-label={`Map: ${title}. Each ward links to its page.`}
      className={className}
      data-testid="static-choropleth"
    >
      <PatternDefs />
      <g stroke={INK} strokeWidth={1} strokeLinejoin="round" fillRule="evenodd">
        {areas.map((area, i) => (
          <a
            key={area.code}
            href={area.href}
            className="group"
            data-area-code={area.code}
            data-state={area.state}
            data-highlighted={area.highlighted ? "true" : undefined}
          >
            <title>{area.label}</title>
            <path
              d={paths[i]}
              fill={area.state === "value" ? area.fill : patternFill(area.state)}
              className={PATH_CLASS}
            />
          </a>
        ))}
      </g>
      {/* Highlighted outlines go on top (SVG has no z-index) as separate, non-interactive shapes, so
          the links keep the order of `areas` for keyboard users. Dark with a white core: it shows on
          the lightest and the darkest fills alike. */}
      <g aria-hidden="true" pointerEvents="none" fill="none" strokeLinejoin="round">
        {areas.map((area, i) =>
          area.highlighted ? (
            <g key={area.code} data-part="highlight" data-area-code={area.code}>
              <path d={paths[i]} stroke={INK} strokeWidth={5} />
              <path d={paths[i]} stroke="#ffffff" strokeWidth={1.5} />
            </g>
          ) : null,
        )}
      </g>
    </svg>
  );
}

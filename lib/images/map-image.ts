// The choropleth of an authority's wards as a standalone SVG for reports: title, map, legend with
// counts, source and licence, and the synthetic-data banner. Pure: plain data in, a string out.
// Colours and legend come from buildChoropleth and geometry from projection.ts, exactly as the
// page's map, so the image never disagrees with the dashboard.
import type { GeoJsonGeometry, Indicator, Observation } from "@/lib/domain/types";
import { geometryBounds, pointOnSurface } from "@/lib/geography/geometry";
import { createProjection, fittedHeight, geometryToSvgPath } from "@/lib/geography/projection";
import { buildChoropleth, type AreaState, type LegendEntry } from "@/lib/indicators/choropleth";
import { NO_DATA_COLOUR, type ClassificationMethod } from "@/lib/indicators/classify";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import type { MapMode } from "@/lib/url-state";
import {
  createFrame,
  drawFooter,
  drawHeader,
  lineHeight,
  svgDocument,
  SYNTHETIC_LABEL,
  type Frame,
} from "@/lib/images/frame";
import { el, escapeXml, INK, num, SYNTHETIC_COLOUR, text, textWidth, wrapText } from "@/lib/images/svg";

export interface MapImageArea {
  code: string;
  name: string;
  geometry: GeoJsonGeometry;
  fill: string;
  state: AreaState;
  /** The figure in words, e.g. "Central: 23.4% (95% CI 20.1% to 26.9%)": the shape's tooltip. */
  label: string;
  /** Compare mode: the legend's symbol for the area's rating, drawn on the area (not colour alone). */
  symbol?: string;
}

export interface MapImageModel {
  width: number;
  height: number;
  title: string;
  subtitle: string;
  /** Plain-text summary of what the map shows (the SVG's <desc>). */
  description: string;
  areas: MapImageArea[];
  legend: { title: string; description: string; entries: LegendEntry[] };
  /** Source, licence and boundary attribution lines. */
  sourceLines: string[];
  synthetic: boolean;
}

export interface MapImageSource {
  title: string;
  publisher: string;
  licence: string;
}

export interface MapImageInput {
  indicator: Pick<Indicator, "title" | "shortTitle" | "unit" | "unitLabel" | "decimals" | "polarity" | "synthetic">;
  period: string;
  parent: { name: string; observation: Observation | null };
  wards: { code: string; name: string; geometry: GeoJsonGeometry; observation: Observation | null }[];
  mode: MapMode;
  method: ClassificationMethod;
  /** Sources of the figures drawn (usually one). */
  sources: MapImageSource[];
  /** Attribution of the boundaries (Ordnance Survey and ONS terms), when known. */
  boundaryAttribution: string | null;
  width: number;
  height: number;
}

const wardCount = (n: number) => `${n} ${n === 1 ? "ward" : "wards"}`;

/** The map's content, from the same inputs as the explorer page. */
export function mapImageModel(input: MapImageInput): MapImageModel {
  const { indicator, period, parent, wards, mode } = input;
  const choropleth = buildChoropleth({
    areas: wards,
    indicator,
    mode,
    method: input.method,
    benchmark: parent.observation,
    benchmarkName: parent.name,
  });
  const symbolOf = new Map(choropleth.legend.filter((e) => e.symbol).map((e) => [e.colour, e.symbol!]));
  const areas = wards.map((ward, i): MapImageArea => {
    const { fill, state, comparisonText } = choropleth.areas[i]!;
    const obs = ward.observation;
    const interval = obs ? formatInterval(obs.lowerCi, obs.upperCi, indicator) : null;
    const figure =
      state === "suppressed"
        ? "suppressed (too few responses)"
        : state === "missing"
          ? "no data"
          : `${formatValue(obs?.value, indicator)}${interval ? ` (95% CI ${interval})` : ""}`;
    return {
      code: ward.code,
      name: ward.name,
      geometry: ward.geometry,
      fill,
      state,
      label: `${ward.name}: ${figure}${mode === "compare" && state === "value" ? `; ${comparisonText}` : ""}`,
      symbol: mode === "compare" && state === "value" ? symbolOf.get(fill) : undefined,
    };
  });
  const synthetic =
    indicator.synthetic || wards.some((w) => w.observation?.synthetic) || !!parent.observation?.synthetic;
  const overall = `${parent.name} overall: ${formatValue(parent.observation?.value, indicator)}`;
  const subtitle =
    mode === "compare"
      ? `${parent.name} wards, ${period}, compared with ${parent.name} (${formatValue(parent.observation?.value, indicator)}) using 95% confidence intervals`
      : `${parent.name} wards, ${period}. ${overall}`;
  const legendText = choropleth.legend.map((e) => `${e.label}: ${wardCount(e.count)}`).join("; ");
  return {
    width: input.width,
    height: input.height,
    title: indicator.title,
    subtitle,
    description:
      `Map of the ${wardCount(wards.length)} of ${parent.name} coloured by ${indicator.shortTitle.toLowerCase()} ` +
      `(${indicator.unitLabel}), ${period}. ${choropleth.description.replace(/\.$/, "")}. ${legendText}.` +
      (synthetic ? ` ${SYNTHETIC_LABEL}: generated figures, not real results.` : ""),
    areas,
    legend: {
      title: `Legend (${indicator.unitLabel})`,
      description: choropleth.description,
      entries: choropleth.legend,
    },
    sourceLines: [
      ...input.sources.map((s) => `Data: ${s.title}, ${s.publisher}. Licence: ${s.licence}.`),
      // Attributions are written to stand alone ("Source: Office for National Statistics …").
      ...(input.boundaryAttribution ? [`Boundaries: ${input.boundaryAttribution.replace(/^Source:\s*/i, "")}`] : []),
      "Map: Civic Pulse.",
    ],
    synthetic,
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/** Room around the shapes inside the map box, so outer borders are not clipped. */
const MAP_PADDING = 4;
const SUPPRESSED_PATTERN = "cp-img-suppressed";
const MISSING_PATTERN = "cp-img-missing";
/** Hatch and dot ink, as the page's PatternDefs: 5.0:1 on the grey, 7.1:1 on white. */
const PATTERN_INK = "#505a5f";

/** The same textures as components/map/PatternDefs, so no-data states differ by more than colour. */
function patternDefs(size: number): string {
  return el("defs", {}, [
    el(
      "pattern",
      {
        id: SUPPRESSED_PATTERN,
        width: size,
        height: size,
        patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)",
      },
      [
        el("rect", { width: size, height: size, fill: NO_DATA_COLOUR }),
        el("line", { x1: 0, y1: 0, x2: 0, y2: size, stroke: PATTERN_INK, "stroke-width": size / 3 }),
      ],
    ),
    el("pattern", { id: MISSING_PATTERN, width: size, height: size, patternUnits: "userSpaceOnUse" }, [
      el("rect", { width: size, height: size, fill: "#ffffff" }),
      el("circle", { cx: size / 2, cy: size / 2, r: size / 5, fill: PATTERN_INK }),
    ]),
  ]);
}

const areaFill = (state: AreaState, fill: string) =>
  state === "suppressed" ? `url(#${SUPPRESSED_PATTERN})` : state === "missing" ? `url(#${MISSING_PATTERN})` : fill;
/** Legend swatches are keyed by outline (as MapLegend's are): dashed = suppressed, dotted = no data. */
const swatchFill = (entry: LegendEntry) =>
  entry.outline === "dashed"
    ? `url(#${SUPPRESSED_PATTERN})`
    : entry.outline === "dotted"
      ? `url(#${MISSING_PATTERN})`
      : entry.colour;
const DASHES = { solid: undefined, dashed: "4 2", dotted: "1 2" } as const;

/**
 * A bold glyph with a white outline behind it, so it reads on the darkest and the lightest fills
 * alike. The outline is a second <text> underneath rather than paint-order, which Word ignores.
 */
function haloGlyph(glyph: string, x: number, y: number, size: number, attrs: Record<string, string> = {}): string {
  const common = { x, y, "text-anchor": "middle", "font-size": size, "font-weight": "bold" } as const;
  return el("g", { "data-part": "symbol", ...attrs }, [
    text(glyph, { ...common, fill: "#ffffff", stroke: "#ffffff", "stroke-width": 3, "stroke-linejoin": "round" }),
    text(glyph, { ...common, fill: INK }),
  ]);
}

interface LegendLayout {
  height: number;
  draw: (x: number, y: number) => string;
}

/** The legend block laid out for a width, in one or more columns. */
function layoutLegend(frame: Frame, legend: MapImageModel["legend"], width: number, columns: number): LegendLayout {
  const f = frame.fontSize;
  const labelSize = Math.round(f * 0.9 * 10) / 10;
  const descSize = Math.round(f * 0.85 * 10) / 10;
  const swatch = { width: f * 1.8, height: f * 1.2 };
  const gap = f * 0.6;
  const columnWidth = (width - (columns - 1) * f) / columns;
  const titleLines = wrapText(legend.title, width, f, { bold: true, maxLines: 2 });
  const descLines = wrapText(legend.description, width, descSize, { maxLines: 3 });
  const entries = legend.entries.map((entry) => {
    const lines = wrapText(`${entry.label} (${wardCount(entry.count)})`, columnWidth - swatch.width - gap, labelSize, {
      maxLines: 3,
    });
    return { entry, lines, height: Math.max(swatch.height, lines.length * lineHeight(labelSize)) + f * 0.5 };
  });
  const perColumn = Math.ceil(entries.length / columns);
  const columnHeights = Array.from({ length: columns }, (_, c) =>
    entries.slice(c * perColumn, (c + 1) * perColumn).reduce((sum, e) => sum + e.height, 0),
  );
  const headHeight = titleLines.length * lineHeight(f) + descLines.length * lineHeight(descSize) + f * 0.5;
  const height = headHeight + Math.max(0, ...columnHeights);

  const draw = (x: number, y: number) => {
    const parts: string[] = [];
    let cursor = y;
    for (const line of titleLines) {
      parts.push(text(line, { x, y: cursor + f, "font-size": f, "font-weight": "bold", fill: INK }));
      cursor += lineHeight(f);
    }
    for (const line of descLines) {
      parts.push(text(line, { x, y: cursor + descSize, "font-size": descSize, fill: INK }));
      cursor += lineHeight(descSize);
    }
    cursor += f * 0.5;
    entries.forEach(({ entry, lines }, i) => {
      const column = Math.floor(i / perColumn);
      const ex = x + column * (columnWidth + f);
      const ey = cursor + entries.slice(column * perColumn, i).reduce((sum, e) => sum + e.height, 0);
      parts.push(
        el("g", { "data-part": "legend-entry", "data-colour": entry.colour }, [
          el("rect", {
            x: ex + 0.5,
            y: ey,
            width: swatch.width,
            height: swatch.height,
            fill: swatchFill(entry),
            stroke: INK,
            "stroke-dasharray": DASHES[entry.outline],
          }),
          entry.symbol ? haloGlyph(entry.symbol, ex + 0.5 + swatch.width / 2, ey + swatch.height * 0.8, f * 0.85) : "",
          ...lines.map((line, l) =>
            text(line, {
              x: ex + swatch.width + gap,
              y: ey + l * lineHeight(labelSize) + labelSize * 0.95,
              "font-size": labelSize,
              fill: INK,
            }),
          ),
        ]),
      );
    });
    return el("g", { "data-part": "legend" }, parts);
  };
  return { height, draw };
}

/** The map as a standalone SVG document. */
export function renderMapSvg(model: MapImageModel): string {
  const frame = createFrame(model.width, model.height);
  const f = frame.fontSize;
  const header = drawHeader(frame, { title: model.title, subtitle: model.subtitle, synthetic: model.synthetic });
  const footer = drawFooter(frame, model.sourceLines);
  const innerWidth = frame.width - 2 * frame.pad;
  const top = header.bottom;
  const bodyHeight = Math.max(f * 4, footer.top - top);

  // Landscape bodies put the legend beside the map; tall ones put it underneath, in columns.
  let mapBox: { x: number; y: number; width: number; height: number };
  let legendMarkup: string;
  if (innerWidth >= 1.3 * bodyHeight) {
    const legendWidth = Math.min(innerWidth * 0.45, Math.max(innerWidth * 0.32, f * 13));
    const legend = layoutLegend(frame, model.legend, legendWidth, 1);
    mapBox = { x: frame.pad, y: top, width: innerWidth - legendWidth - f * 1.5, height: bodyHeight };
    legendMarkup = legend.draw(frame.width - frame.pad - legendWidth, top);
  } else {
    // Under the map, in as few columns as still leave the map the height its shape needs.
    const needed = model.areas.length
      ? fittedHeight(geometryBounds(model.areas.map((a) => a.geometry)), innerWidth, MAP_PADDING)
      : bodyHeight;
    const maxColumns = Math.max(1, Math.min(3, Math.floor(innerWidth / (f * 16))));
    let legend = layoutLegend(frame, model.legend, innerWidth, 1);
    for (let columns = 2; columns <= maxColumns && needed + f + legend.height > bodyHeight; columns++) {
      legend = layoutLegend(frame, model.legend, innerWidth, columns);
    }
    const mapHeight = Math.min(needed, Math.max(f * 4, bodyHeight - legend.height - f));
    // Centre the block in what is left of a tall image, rather than leave a gap above the sources.
    const offset = Math.max(0, (bodyHeight - (mapHeight + f + legend.height)) / 2);
    mapBox = { x: frame.pad, y: top + offset, width: innerWidth, height: mapHeight };
    legendMarkup = legend.draw(frame.pad, top + offset + mapHeight + f);
  }

  return svgDocument(frame, { title: `Map: ${model.title}, ${model.subtitle}`, description: model.description }, [
    patternDefs(Math.max(6, Math.round(f * 0.4))),
    header.markup,
    drawMap(frame, model, mapBox),
    legendMarkup,
    footer.markup,
  ]);
}

function drawMap(frame: Frame, model: MapImageModel, box: { x: number; y: number; width: number; height: number }) {
  if (model.areas.length === 0) return "";
  const f = frame.fontSize;
  const project = createProjection(
    geometryBounds(model.areas.map((a) => a.geometry)),
    box.width,
    box.height,
    Math.min(MAP_PADDING, box.width / 4, box.height / 4),
  );
  const wards = model.areas.map((area) =>
    el(
      "path",
      {
        class: "ward",
        "data-area-code": area.code,
        "data-state": area.state,
        d: geometryToSvgPath(area.geometry, project, 1),
        fill: areaFill(area.state, area.fill),
      },
      el("title", {}, escapeXml(area.label)),
    ),
  );
  const symbols = model.areas.flatMap((area) => {
    const point = area.symbol ? pointOnSurface(area.geometry) : null;
    if (!point || !area.symbol) return [];
    const [x, y] = project(point);
    return [haloGlyph(area.symbol, x, y + f * 0.3, f * 0.85, { "data-area-code": area.code })];
  });
  return el("g", { "data-part": "map", transform: `translate(${num(box.x)},${num(box.y)})` }, [
    el(
      "g",
      { stroke: INK, "stroke-width": Math.max(0.75, f / 17), "stroke-linejoin": "round", "fill-rule": "evenodd" },
      wards,
    ),
    model.synthetic ? watermark(box.width, box.height) : "",
    symbols.length ? el("g", { "data-part": "symbols" }, symbols) : "",
  ]);
}

/** The synthetic label again, faint and large across the map, so a cropped map still carries it. */
function watermark(width: number, height: number): string {
  const size = Math.min(height / 5, (width * 0.9) / (textWidth(SYNTHETIC_LABEL, 1, true) * 0.95));
  return text(SYNTHETIC_LABEL, {
    x: width / 2,
    y: height / 2 + size * 0.35,
    "text-anchor": "middle",
    "font-size": size,
    "font-weight": "bold",
    fill: SYNTHETIC_COLOUR,
    "fill-opacity": 0.14,
    transform: `rotate(-18 ${num(width / 2)} ${num(height / 2)})`,
    "data-part": "watermark",
  });
}

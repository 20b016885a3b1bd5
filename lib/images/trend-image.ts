// The trend of one indicator for an area against its benchmark, as a standalone SVG for reports.
// Same visual language as the page's TrendChart: the area a solid line with round markers over its
// shaded 95% interval, the benchmark dashed with square markers, so the two differ by more than colour.
// Pure: plain data in, a string out.
import type { Indicator, Observation } from "@/lib/domain/types";
import { bandPath, extent, linearScale, linePath, niceDomain, tickFormatter } from "@/components/charts/scale";
import { AREA_COLOUR, BAND_COLOUR, BENCHMARK_COLOUR } from "@/components/charts/trend-chart-props";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import {
  createFrame,
  drawFooter,
  drawHeader,
  lineHeight,
  svgDocument,
  SYNTHETIC_LABEL,
  type Frame,
} from "@/lib/images/frame";
import { el, fitLine, INK, MUTED, num, SYNTHETIC_COLOUR, text, textWidth, wrapText } from "@/lib/images/svg";

export interface TrendImagePoint {
  period: string;
  area: number | null;
  lower: number | null;
  upper: number | null;
  /** The area's figure exists but was withheld (too few responses). */
  areaSuppressed: boolean;
  benchmark: number | null;
}

export interface TrendImageModel {
  width: number;
  height: number;
  title: string;
  subtitle: string;
  /** Plain-text summary with every figure (the SVG's <desc>). */
  description: string;
  areaName: string;
  /** null when there is no benchmark series to draw. */
  benchmarkName: string | null;
  unitLabel: string;
  format: Pick<Indicator, "unit" | "decimals">;
  points: TrendImagePoint[];
  /** The latest figures in words, printed under the chart. */
  note: string;
  sourceLines: string[];
  synthetic: boolean;
}

export interface TrendImageInput {
  indicator: Pick<Indicator, "title" | "shortTitle" | "unit" | "unitLabel" | "decimals" | "synthetic">;
  area: { name: string; type: string };
  benchmark: { name: string } | null;
  /** Oldest first, as getAreaTrend returns them. */
  points: { period: string; area: Observation | null; benchmark: Observation | null }[];
  sources: { title: string; publisher: string; licence: string }[];
  width: number;
  height: number;
}

/** Wards are named as people say them ("Central ward"); authorities by their own name. */
const displayName = (area: { name: string; type: string }) => (area.type === "ward" ? `${area.name} ward` : area.name);

export function trendImageModel(input: TrendImageInput): TrendImageModel {
  const { indicator } = input;
  const areaName = displayName(input.area);
  const points: TrendImagePoint[] = input.points.map((p) => ({
    period: p.period,
    area: p.area?.suppressed ? null : (p.area?.value ?? null),
    lower: p.area?.suppressed ? null : (p.area?.lowerCi ?? null),
    upper: p.area?.suppressed ? null : (p.area?.upperCi ?? null),
    areaSuppressed: p.area?.suppressed ?? false,
    benchmark: p.benchmark?.suppressed ? null : (p.benchmark?.value ?? null),
  }));
  const benchmarkName = input.benchmark && points.some((p) => p.benchmark !== null) ? input.benchmark.name : null;
  const first = points[0]?.period;
  const last = points[points.length - 1]?.period;
  const span = first && last && first !== last ? `${first} to ${last}` : (first ?? "no periods");
  const fmt = (v: number | null) => formatValue(v, indicator);

  const latestArea = [...input.points].reverse().find((p) => p.area);
  const latestText = latestArea?.area
    ? `Latest (${latestArea.period}): ${areaName} ${
        latestArea.area.suppressed
          ? "suppressed (too few responses)"
          : `${fmt(latestArea.area.value)}${
              formatInterval(latestArea.area.lowerCi, latestArea.area.upperCi, indicator)
                ? ` (95% CI ${formatInterval(latestArea.area.lowerCi, latestArea.area.upperCi, indicator)})`
                : ""
            }`
      }${benchmarkName && latestArea.benchmark ? `; ${benchmarkName} ${fmt(latestArea.benchmark.value)}` : ""}.`
    : `No figures for ${areaName}.`;
  const suppressed = points.filter((p) => p.areaSuppressed).map((p) => p.period);
  const note = suppressed.length
    ? `${latestText} Not shown for ${areaName}: ${suppressed.join(", ")} (suppressed: too few responses).`
    : latestText;

  const series = (name: string, values: (number | null)[]) =>
    `${name}: ${points.map((p, i) => `${p.period} ${values[i] === null ? "no figure" : fmt(values[i]!)}`).join(", ")}`;
  const synthetic = indicator.synthetic || input.points.some((p) => p.area?.synthetic || p.benchmark?.synthetic);
  return {
    width: input.width,
    height: input.height,
    title: indicator.title,
    subtitle: `${areaName}${benchmarkName ? ` and ${benchmarkName}` : ""}, ${span}`,
    description:
      `Line chart of ${indicator.shortTitle.toLowerCase()} (${indicator.unitLabel}), ${span}. ` +
      [
        series(
          areaName,
          points.map((p) => p.area),
        ),
        benchmarkName
          ? series(
              benchmarkName,
              points.map((p) => p.benchmark),
            )
          : null,
      ]
        .filter(Boolean)
        .join(". ") +
      "." +
      (synthetic ? ` ${SYNTHETIC_LABEL}: generated figures, not real results.` : ""),
    areaName,
    benchmarkName,
    unitLabel: indicator.unitLabel,
    format: { unit: indicator.unit, decimals: indicator.decimals },
    points,
    note,
    sourceLines: [
      ...input.sources.map((s) => `Data: ${s.title}, ${s.publisher}. Licence: ${s.licence}.`),
      "Chart: Civic Pulse. Shading: 95% confidence interval.",
    ],
    synthetic,
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

interface KeyItem {
  label: string;
  swatch: (x: number, y: number, size: number) => string;
}

/** The series key, flowed left to right and wrapped onto more rows when needed. */
function drawKey(frame: Frame, items: readonly KeyItem[], top: number): { markup: string; bottom: number } {
  const f = frame.fontSize;
  const size = Math.round(f * 0.9 * 10) / 10;
  const sample = f * 2.2;
  const maxX = frame.width - frame.pad;
  let x = frame.pad;
  let y = top;
  const parts: string[] = [];
  for (const item of items) {
    const label = fitLine(item.label, maxX - frame.pad - sample - f * 0.5, size);
    const width = sample + f * 0.5 + textWidth(label, size) + f * 1.5;
    if (x > frame.pad && x + width - f * 1.5 > maxX) {
      x = frame.pad;
      y += lineHeight(size) + f * 0.3;
    }
    parts.push(
      el("g", { "data-part": "key-item" }, [
        item.swatch(x, y + size * 0.6, sample),
        text(label, { x: x + sample + f * 0.5, y: y + size * 0.95, "font-size": size, fill: INK }),
      ]),
    );
    x += width;
  }
  return { markup: el("g", { "data-part": "key" }, parts), bottom: y + lineHeight(size) };
}

/** The trend chart as a standalone SVG document. */
export function renderTrendSvg(model: TrendImageModel): string {
  const frame = createFrame(model.width, model.height);
  const f = frame.fontSize;
  const header = drawHeader(frame, { title: model.title, subtitle: model.subtitle, synthetic: model.synthetic });
  const footer = drawFooter(frame, model.sourceLines);
  const noteLines = wrapText(model.note, frame.width - 2 * frame.pad, f * 0.9, { maxLines: 3 });
  const noteTop = footer.top - noteLines.length * lineHeight(f * 0.9);

  const hasBand = model.points.some((p) => p.lower !== null && p.upper !== null);
  const areaStroke = Math.max(2, f / 6);
  const benchmarkStroke = Math.max(1.5, f / 9);
  const keyItems: KeyItem[] = [
    {
      label: model.areaName,
      swatch: (x, y, w) =>
        el("g", {}, [
          el("line", { x1: x, y1: y, x2: x + w, y2: y, stroke: AREA_COLOUR, "stroke-width": areaStroke }),
          el("circle", { cx: x + w / 2, cy: y, r: f * 0.3, fill: AREA_COLOUR, stroke: "#ffffff" }),
        ]),
    },
    ...(model.benchmarkName
      ? [
          {
            label: model.benchmarkName,
            swatch: (x: number, y: number, w: number) =>
              el("g", {}, [
                el("line", {
                  x1: x,
                  y1: y,
                  x2: x + w,
                  y2: y,
                  stroke: BENCHMARK_COLOUR,
                  "stroke-width": benchmarkStroke,
                  "stroke-dasharray": `${num(f * 0.45)} ${num(f * 0.3)}`,
                }),
                square(x + w / 2, y, f * 0.45),
              ]),
          },
        ]
      : []),
    ...(hasBand
      ? [
          {
            label: `95% confidence interval, ${model.areaName}`,
            swatch: (x: number, y: number, w: number) =>
              el("rect", { x, y: y - f * 0.45, width: w, height: f * 0.9, fill: BAND_COLOUR, "fill-opacity": 0.6 }),
          },
        ]
      : []),
  ];
  const key = drawKey(frame, keyItems, header.bottom);

  // Y axis: include zero when every value is positive (as the page's chart does), so differences
  // are not exaggerated; scores that go negative keep their own range.
  const values = model.points.flatMap((p) => [p.area, p.lower, p.upper, p.benchmark]);
  const [low, high] = extent(values) ?? [0, 1];
  const plotTop = key.bottom + f * 0.8;
  const plotBottom = noteTop - f * 2.6;
  const plotHeight = Math.max(f * 3, plotBottom - plotTop);
  const { domain, ticks } = niceDomain(
    low >= 0 ? 0 : low,
    high,
    Math.max(2, Math.min(8, Math.round(plotHeight / (f * 3.2)))),
  );
  const tickText = tickFormatter(ticks);
  const tickLabelWidth = Math.max(...ticks.map((t) => textWidth(tickText(t), f * 0.85)));
  const plotLeft = frame.pad + f * 1.6 + tickLabelWidth + f * 0.5;
  const plotRight = frame.width - frame.pad - f * 0.5;
  const plotWidth = Math.max(f * 3, plotRight - plotLeft);
  const y = linearScale(domain, [plotTop + plotHeight, plotTop]);
  const n = model.points.length;
  const step = plotWidth / Math.max(1, n);
  const xs = model.points.map((_, i) => plotLeft + (i + 0.5) * step);

  // Label every k-th period, counting back from the latest so it is always labelled.
  const widest = Math.max(0, ...model.points.map((p) => textWidth(p.period, f * 0.85)));
  const every = Math.max(1, Math.ceil((widest + f) / step));
  const axisY = plotTop + plotHeight;

  const grid = ticks.map((tick) =>
    el("g", { "data-part": "y-tick" }, [
      el("line", {
        x1: plotLeft,
        x2: plotLeft + plotWidth,
        y1: y(tick),
        y2: y(tick),
        stroke: "#d9d9d9",
        "stroke-dasharray": "2 4",
      }),
      text(tickText(tick), {
        x: plotLeft - f * 0.5,
        y: y(tick) + f * 0.3,
        "text-anchor": "end",
        "font-size": f * 0.85,
        fill: INK,
      }),
    ]),
  );
  const xAxis = [
    el("line", { x1: plotLeft, x2: plotLeft + plotWidth, y1: axisY, y2: axisY, stroke: INK }),
    ...model.points.map((p, i) =>
      (n - 1 - i) % every === 0
        ? el("g", { "data-part": "x-tick" }, [
            el("line", { x1: xs[i]!, x2: xs[i]!, y1: axisY, y2: axisY + f * 0.35, stroke: INK }),
            text(p.period, {
              x: xs[i]!,
              y: axisY + f * 1.5,
              "text-anchor": "middle",
              "font-size": f * 0.85,
              fill: INK,
            }),
          ])
        : "",
    ),
  ];
  const yTitleX = frame.pad + f * 0.8;
  const yTitleY = plotTop + plotHeight / 2;
  const yTitle = text(fitLine(model.unitLabel, plotHeight, f * 0.85), {
    x: yTitleX,
    y: yTitleY,
    "text-anchor": "middle",
    "font-size": f * 0.85,
    fill: MUTED,
    transform: `rotate(-90 ${num(yTitleX)} ${num(yTitleY)})`,
    "data-part": "y-title",
  });

  const areaYs = model.points.map((p) => (p.area === null ? null : y(p.area)));
  const benchmarkYs = model.points.map((p) => (p.benchmark === null ? null : y(p.benchmark)));
  const band = bandPath(
    xs,
    model.points.map((p) => (p.lower !== null && p.upper !== null ? { lower: y(p.lower), upper: y(p.upper) } : null)),
    Math.min(step * 0.5, f),
  );
  const areaLine = linePath(xs, areaYs);
  const benchmarkLine = model.benchmarkName ? linePath(xs, benchmarkYs) : "";

  const plot = el("g", { "data-part": "plot" }, [
    band ? el("path", { class: "band", d: band, fill: BAND_COLOUR, "fill-opacity": 0.6, stroke: "none" }) : "",
    benchmarkLine
      ? el("path", {
          class: "series series-benchmark",
          d: benchmarkLine,
          fill: "none",
          stroke: BENCHMARK_COLOUR,
          "stroke-width": benchmarkStroke,
          "stroke-dasharray": `${num(f * 0.45)} ${num(f * 0.3)}`,
          "stroke-linejoin": "round",
        })
      : "",
    areaLine
      ? el("path", {
          class: "series series-area",
          d: areaLine,
          fill: "none",
          stroke: AREA_COLOUR,
          "stroke-width": areaStroke,
          "stroke-linejoin": "round",
          "stroke-linecap": "round",
        })
      : "",
    model.benchmarkName
      ? el(
          "g",
          { "data-part": "benchmark-markers" },
          benchmarkYs.map((by, i) => (by === null ? "" : square(xs[i]!, by, f * 0.45))),
        )
      : "",
    el(
      "g",
      { "data-part": "area-markers" },
      areaYs.map((ay, i) =>
        ay === null ? "" : el("circle", { cx: xs[i]!, cy: ay, r: f * 0.3, fill: AREA_COLOUR, stroke: "#ffffff" }),
      ),
    ),
  ]);

  const note = el(
    "g",
    { "data-part": "note", "font-size": f * 0.9, fill: INK },
    noteLines.map((line, i) => text(line, { x: frame.pad, y: noteTop + i * lineHeight(f * 0.9) + f * 0.9 })),
  );

  return svgDocument(frame, { title: `Chart: ${model.title}, ${model.subtitle}`, description: model.description }, [
    header.markup,
    key.markup,
    el("g", { "data-part": "axes" }, [...grid, ...xAxis, yTitle]),
    plot,
    model.synthetic ? watermark(plotLeft, plotTop, plotWidth, plotHeight) : "",
    note,
    footer.markup,
  ]);
}

function square(cx: number, cy: number, size: number): string {
  return el("rect", {
    x: cx - size / 2,
    y: cy - size / 2,
    width: size,
    height: size,
    fill: BENCHMARK_COLOUR,
    stroke: "#ffffff",
    "stroke-width": 0.75,
  });
}

/** The synthetic label, faint across the plot, so a cropped chart still carries it. */
function watermark(x: number, y: number, width: number, height: number): string {
  const size = Math.min(height / 4, (width * 0.8) / textWidth(SYNTHETIC_LABEL, 1, true));
  return text(SYNTHETIC_LABEL, {
    x: x + width / 2,
    y: y + height / 2 + size * 0.35,
    "text-anchor": "middle",
    "font-size": size,
    "font-weight": "bold",
    fill: SYNTHETIC_COLOUR,
    "fill-opacity": 0.12,
    "data-part": "watermark",
  });
}

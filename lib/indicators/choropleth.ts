// Turns a set of area values into map colours and legend entries (pure; the page renders them).
// Two modes: "value" colours classes of the value; "compare" colours each area by whether it is
// significantly better, similar or worse than the benchmark (Fingertips method, lib/stats/compare).
import type { Indicator, Observation } from "@/lib/domain/types";
import { formatValue } from "@/lib/indicators/format";
import {
  classBreaks,
  classIndex,
  COMPARISON_COLOURS,
  comparisonLabel,
  MAX_PALETTE_CLASSES,
  NO_DATA_COLOUR,
  paletteDescription,
  paletteForPolarity,
  SIGNIFICANCE_COLOURS,
  significanceLabel,
  type ClassificationMethod,
} from "@/lib/indicators/classify";
import { compareWithBenchmark, type ComparisonResult } from "@/lib/stats/compare";
import type { MapMode } from "@/lib/url-state";

export type AreaState = "value" | "suppressed" | "missing";

/** White with a dotted outline: distinct from every palette's lightest class and from suppressed grey. */
export const MISSING_COLOUR = "#ffffff";

export interface ChoroplethArea {
  code: string;
  fill: string;
  state: AreaState;
  comparison: ComparisonResult;
  /** Short words for the comparison, e.g. "Better than Peterborough" (empty in value mode). */
  comparisonText: string;
}

export interface LegendEntry {
  colour: string;
  label: string;
  count: number;
  /** A symbol drawn on the swatch so the legend does not rely on colour. */
  symbol?: string;
  outline: "solid" | "dashed" | "dotted";
}

export interface Choropleth {
  areas: ChoroplethArea[];
  legend: LegendEntry[];
  /** One line saying how to read the colours. */
  description: string;
  /** In compare mode: how many areas could be tested at all (census figures have no interval). */
  compared: number;
}

export function areaState(observation: Observation | null): AreaState {
  if (observation?.suppressed) return "suppressed";
  return observation?.value === null || observation?.value === undefined ? "missing" : "value";
}

const NO_DATA_ENTRIES = (suppressed: number, missing: number): LegendEntry[] => [
  ...(suppressed
    ? [
        {
          colour: NO_DATA_COLOUR,
          label: "Suppressed: too few survey responses to publish",
          count: suppressed,
          outline: "dashed" as const,
        },
      ]
    : []),
  ...(missing ? [{ colour: MISSING_COLOUR, label: "No data", count: missing, outline: "dotted" as const }] : []),
];

export function buildChoropleth(input: {
  areas: { code: string; observation: Observation | null }[];
  indicator: Pick<Indicator, "unit" | "decimals" | "polarity">;
  mode: MapMode;
  method: ClassificationMethod;
  benchmark: Observation | null;
  benchmarkName: string;
}): Choropleth {
  const { indicator, benchmark, benchmarkName } = input;
  const states = input.areas.map((a) => areaState(a.observation));
  const comparisons = input.areas.map(({ observation }) =>
    compareWithBenchmark(
      {
        value: observation?.value ?? null,
        lowerCi: observation?.lowerCi ?? null,
        upperCi: observation?.upperCi ?? null,
        suppressed: observation?.suppressed ?? false,
      },
      { value: benchmark?.value ?? null, lowerCi: benchmark?.lowerCi ?? null, upperCi: benchmark?.upperCi ?? null },
      indicator.polarity,
    ),
  );
  const noData = NO_DATA_ENTRIES(
    states.filter((s) => s === "suppressed").length,
    states.filter((s) => s === "missing").length,
  );
  const noDataFill = (state: AreaState) => (state === "suppressed" ? NO_DATA_COLOUR : MISSING_COLOUR);
  // "Neither" indicators are described as higher/lower, never better/worse.
  const comparisonStyle = (c: ComparisonResult) =>
    indicator.polarity === "neither"
      ? { ...SIGNIFICANCE_COLOURS[c.significance], text: significanceLabel(c.significance, benchmarkName) }
      : { ...COMPARISON_COLOURS[c.rating], text: comparisonLabel(c.rating, benchmarkName) };
  const compared = comparisons.filter((c) => c.significance !== "not-compared").length;

  if (input.mode === "compare") {
    const areas = input.areas.map(({ code }, i): ChoroplethArea => {
      const style = comparisonStyle(comparisons[i]!);
      const state = states[i]!;
      return {
        code,
        state,
        comparison: comparisons[i]!,
        comparisonText: style.text,
        fill: state === "value" ? style.fill : noDataFill(state),
      };
    });
    const keys =
      indicator.polarity === "neither"
        ? (["higher", "similar", "lower", "not-compared"] as const)
        : (["better", "similar", "worse", "not-compared"] as const);
    const legend = keys.flatMap((key): LegendEntry[] => {
      const matching = areas.filter(
        (a) =>
          a.state === "value" &&
          (indicator.polarity === "neither" ? a.comparison.significance : a.comparison.rating) === key,
      );
      const style =
        indicator.polarity === "neither"
          ? {
              ...SIGNIFICANCE_COLOURS[key as keyof typeof SIGNIFICANCE_COLOURS],
              text: significanceLabel(key as keyof typeof SIGNIFICANCE_COLOURS, benchmarkName),
            }
          : {
              ...COMPARISON_COLOURS[key as keyof typeof COMPARISON_COLOURS],
              text: comparisonLabel(key as keyof typeof COMPARISON_COLOURS, benchmarkName),
            };
      return matching.length
        ? [{ colour: style.fill, label: style.text, count: matching.length, symbol: style.symbol, outline: "solid" }]
        : [];
    });
    return {
      areas,
      legend: [...legend, ...noData],
      compared,
      description: `Compared with ${benchmarkName} using each ward's 95% confidence interval.`,
    };
  }

  const values = input.areas.flatMap((a, i) => (states[i] === "value" ? [a.observation!.value!] : []));
  const breaks = classBreaks(input.method, values, MAX_PALETTE_CLASSES);
  const palette = paletteForPolarity(indicator.polarity, breaks.breaks.length + 1);
  const bounds = [breaks.min, ...breaks.breaks, breaks.max];
  const legend: LegendEntry[] = values.length
    ? palette.map((colour, i) => ({
        colour,
        label: `${formatValue(bounds[i]!, indicator)} to ${formatValue(bounds[i + 1]!, indicator)}`,
        count: 0,
        outline: "solid",
      }))
    : [];
  const areas = input.areas.map(({ code, observation }, i): ChoroplethArea => {
    const state = states[i]!;
    const base = { code, state, comparison: comparisons[i]!, comparisonText: comparisonStyle(comparisons[i]!).text };
    if (state !== "value") return { ...base, fill: noDataFill(state) };
    const index = classIndex(observation!.value!, breaks);
    legend[index]!.count++;
    return { ...base, fill: palette[index]! };
  });
  return { areas, legend: [...legend, ...noData], compared, description: paletteDescription(indicator.polarity) };
}

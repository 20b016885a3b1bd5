// Turns a set of area values into map colours and legend classes (pure; the page renders them).
import type { Indicator, Observation } from "@/lib/domain/types";
import { formatValue } from "@/lib/indicators/format";
import { classIndex, NO_DATA_COLOUR, paletteFor, quantileBreaks } from "@/lib/indicators/classify";

export type AreaState = "value" | "suppressed" | "missing";

export interface ChoroplethArea {
  code: string;
  fill: string;
  state: AreaState;
}

export interface ChoroplethClass {
  colour: string;
  label: string;
  count: number;
  lower: number;
  upper: number;
}

export function areaState(observation: Observation | null): AreaState {
  if (observation?.suppressed) return "suppressed";
  return observation?.value === null || observation?.value === undefined ? "missing" : "value";
}

export function buildChoropleth(
  areas: { code: string; observation: Observation | null }[],
  indicator: Pick<Indicator, "unit" | "decimals">,
  classes = 5,
): { areas: ChoroplethArea[]; classes: ChoroplethClass[]; suppressed: number; missing: number } {
  const values = areas.flatMap((a) => (areaState(a.observation) === "value" ? [a.observation!.value!] : []));
  const breaks = quantileBreaks(values, classes);
  const palette = paletteFor(breaks.breaks.length + 1);
  const bounds = [breaks.min, ...breaks.breaks, breaks.max];
  const legend: ChoroplethClass[] = palette.map((colour, i) => ({
    colour,
    lower: bounds[i]!,
    upper: bounds[i + 1]!,
    label: `${formatValue(bounds[i]!, indicator)} to ${formatValue(bounds[i + 1]!, indicator)}`,
    count: 0,
  }));
  const coloured = areas.map(({ code, observation }): ChoroplethArea => {
    const state = areaState(observation);
    if (state !== "value") return { code, state, fill: state === "suppressed" ? NO_DATA_COLOUR : "#ffffff" };
    const index = classIndex(observation!.value!, breaks);
    legend[index]!.count++;
    return { code, state, fill: palette[index]! };
  });
  return {
    areas: coloured,
    classes: values.length ? legend : [],
    suppressed: coloured.filter((a) => a.state === "suppressed").length,
    missing: coloured.filter((a) => a.state === "missing").length,
  };
}

// Fill patterns for areas without a published figure, so "suppressed" and "no data" differ by
// texture as well as colour (they stay distinct in greyscale print and for colour-blind readers).
// Server component: plain SVG.
import type { ReactElement } from "react";
import { NO_DATA_COLOUR } from "@/lib/indicators/classify";

/** Diagonal hatch: suppressed (too few responses to publish). */
export const SUPPRESSED_PATTERN_ID = "cp-pattern-suppressed";
/** Dots on white: no figure at all. */
export const MISSING_PATTERN_ID = "cp-pattern-missing";

/** Hatch and dot ink: 5.0:1 on the grey, 7.1:1 on white. */
const PATTERN_INK = "#505a5f";
const SIZE = 6;

export type NoDataState = "suppressed" | "missing";

/** The `fill` value for an area in a no-data state, e.g. fill={patternFill("suppressed")}. */
export function patternFill(state: NoDataState): string {
  return `url(#${state === "suppressed" ? SUPPRESSED_PATTERN_ID : MISSING_PATTERN_ID})`;
}

/**
 * The pattern definitions. Render once per page inside an <svg> (StaticChoropleth does): the ids
 * are document-wide, so any other SVG on the page (e.g. Leaflet's) can use patternFill() as well.
 */
export function PatternDefs() {
  return (
    <defs>
      <pattern
        id={SUPPRESSED_PATTERN_ID}
        width={SIZE}
        height={SIZE}
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width={SIZE} height={SIZE} fill={NO_DATA_COLOUR} />
        <line x1={0} y1={0} x2={0} y2={SIZE} stroke={PATTERN_INK} strokeWidth={2} />
      </pattern>
      <pattern id={MISSING_PATTERN_ID} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
        <rect width={SIZE} height={SIZE} fill="#ffffff" />
        <circle cx={SIZE / 2} cy={SIZE / 2} r={1.2} fill={PATTERN_INK} />
      </pattern>
    </defs>
  );
}

/**
 * A legend swatch for a no-data state, drawn with plain shapes instead of a pattern reference, so
 * it works wherever it is placed (no dependence on PatternDefs being on the page, no duplicate ids).
 * It looks the same as the map fill. Decorative: the legend text next to it says what it means.
 */
export function PatternSwatch({
  state,
  width = 24,
  height = 16,
}: {
  state: NoDataState;
  width?: number;
  height?: number;
}) {
  const marks: ReactElement[] = [];
  if (state === "suppressed") {
    // 45° lines every SIZE·√2 along x, clipped by the viewBox (overflow is hidden on the root svg).
    const spacing = SIZE * Math.SQRT2;
    for (let offset = -height; offset < width; offset += spacing) {
      marks.push(
        <line key={offset} x1={offset} y1={height} x2={offset + height} y2={0} stroke={PATTERN_INK} strokeWidth={2} />,
      );
    }
  } else {
    for (let y = SIZE / 2; y < height; y += SIZE) {
      for (let x = SIZE / 2; x < width; x += SIZE)
        marks.push(<circle key={`${x},${y}`} cx={x} cy={y} r={1.2} fill={PATTERN_INK} />);
    }
  }
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
      data-state={state}
      style={{ overflow: "hidden", flexShrink: 0 }}
    >
      <rect width={width} height={height} fill={state === "suppressed" ? NO_DATA_COLOUR : "#ffffff"} />
      {marks}
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="none" stroke="#0b0c0c" />
    </svg>
  );
}

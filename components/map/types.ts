import type { GeoJsonGeometry } from "@/lib/domain/types";

/** What the map needs to draw one area: computed on the server, so the client only paints. */
export interface MapArea {
  code: string;
  name: string;
  geometry: GeoJsonGeometry;
  fill: string;
  /** "value" | "suppressed" (small numbers) | "missing" (no figure) — drawn differently. */
  state: "value" | "suppressed" | "missing";
  /** What a tooltip and a screen reader say, e.g. "Barnack: 23.4% (rank 5 of 22)". */
  label: string;
  href: string;
}

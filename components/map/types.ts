/** How one area is drawn: computed on the server, so the client only paints. Boundaries come separately. */
export interface MapArea {
  code: string;
  name: string;
  fill: string;
  /** "value" | "suppressed" (small numbers) | "missing" (no figure) — drawn differently. */
  state: "value" | "suppressed" | "missing";
  /** What a tooltip and a screen reader say, e.g. "Barnack: 23.4% (rank 5 of 22)". */
  label: string;
  href: string;
  /** The ward the user came from: drawn with a thick outline. */
  highlighted?: boolean;
}

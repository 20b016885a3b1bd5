import type { LegendEntry } from "@/lib/indicators/choropleth";

/** The legend names every class or comparison drawn, and the no-data states, each with its count. */
export function MapLegend({
  entries,
  description,
  unitLabel,
}: {
  entries: LegendEntry[];
  description: string;
  unitLabel: string;
}) {
  return (
    <div className="text-sm">
      <h3 id="legend-title" className="font-semibold">
        Legend <span className="font-normal">({unitLabel})</span>
      </h3>
      <p className="text-[var(--color-muted)]">{description.replace(/\.$/, "")}.</p>
      <ul className="mt-1 space-y-1" data-testid="map-legend" aria-labelledby="legend-title">
        {entries.map((entry) => (
          <li key={entry.label} className="flex items-center gap-2" data-colour={entry.colour}>
            <span
              aria-hidden="true"
              className="inline-flex h-5 w-7 items-center justify-center border border-black text-xs font-bold"
              style={{ background: entry.colour, borderStyle: entry.outline }}
            >
              {entry.symbol}
            </span>
            <span>
              {entry.label} <span className="text-[var(--color-muted)]">({entry.count} wards)</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { LegendEntry } from "@/lib/indicators/choropleth";

/**
 * The legend names every class or comparison drawn, and the no-data states, each with its count.
 * `headingLevel` keeps the page's outline in order: under an h2 on the explorer, straight under the h1
 * in an embed.
 */
export function MapLegend({
  entries,
  description,
  unitLabel,
  headingLevel = 3,
}: {
  entries: LegendEntry[];
  description: string;
  unitLabel: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="text-sm">
      <Heading id="legend-title" className="font-semibold">
        Legend <span className="font-normal">({unitLabel})</span>
      </Heading>
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

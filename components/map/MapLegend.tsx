import type { Polarity } from "@/lib/domain/types";
import { polarityPhrase } from "@/lib/indicators/classify";

export interface LegendClass {
  colour: string;
  label: string;
  count: number;
}

/** The legend names every class drawn, and the no-data states, each with its count. */
export function MapLegend({
  classes,
  suppressed,
  missing,
  noDataColour,
  polarity,
  unitLabel,
}: {
  classes: LegendClass[];
  suppressed: number;
  missing: number;
  noDataColour: string;
  polarity: Polarity;
  unitLabel: string;
}) {
  return (
    <div aria-labelledby="legend-title" className="text-sm">
      <h3 id="legend-title" className="font-semibold">
        Legend <span className="font-normal">({unitLabel}; quantile classes; darker = higher)</span>
      </h3>
      <p className="text-[var(--color-muted)]">{polarityPhrase(polarity)}.</p>
      <ul className="mt-1 space-y-1" data-testid="map-legend">
        {classes.map((item) => (
          <li key={item.label} className="flex items-center gap-2" data-colour={item.colour}>
            <span
              aria-hidden="true"
              className="inline-block h-4 w-6 border border-black"
              style={{ background: item.colour }}
            />
            <span>
              {item.label} <span className="text-[var(--color-muted)]">({item.count} wards)</span>
            </span>
          </li>
        ))}
        {suppressed > 0 && (
          <li className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-4 w-6 border border-dashed border-black"
              style={{ background: noDataColour }}
            />
            <span>Suppressed: too few survey responses to publish ({suppressed})</span>
          </li>
        )}
        {missing > 0 && (
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-4 w-6 border border-black bg-white" />
            <span>No data ({missing})</span>
          </li>
        )}
      </ul>
    </div>
  );
}

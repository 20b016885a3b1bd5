import type { InequalityView } from "@/lib/data/inequality";
import { formatValue } from "@/lib/indicators/format";
import { areaHref } from "@/lib/url-state";
import { InequalityScatter } from "@/components/charts/InequalityScatter";
import { TrendChartBox } from "@/components/charts/TrendChartBox";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

/** "How even is it?": the gap between the most and least deprived wards, and whether it is closing. */
export function InequalitySection({ view }: { view: InequalityView }) {
  const { indicator, parent, periods, trend, sentence } = view;
  const latest = periods.at(-1);
  const number = (v: number | null, decimals = indicator.decimals) =>
    v === null ? "–" : v.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const format = (v: number) => formatValue(v, indicator);
  const left = latest ? latest.sii.suppressed : 0;
  return (
    <section aria-labelledby="inequality-heading" className="space-y-4" data-testid="inequality">
      <h2 id="inequality-heading" className="text-xl font-bold">
        How even is it?
      </h2>
      {indicator.synthetic && (
        <p className="text-sm">
          <SyntheticFlag /> The figures behind these measures are illustrative synthetic data.
        </p>
      )}
      <p className="text-lg font-semibold" data-testid="gap-sentence">
        {sentence ??
          `There are not enough periods with intervals to tell whether the gap across ${parent.name} is changing.`}
      </p>
      {latest && (
        <div className="space-y-2">
          <p>
            In {latest.period},{" "}
            {latest.range.highest && latest.range.lowest ? (
              <>
                the highest ward was {latest.range.highest.name} ({format(latest.range.highest.value)}) and the lowest{" "}
                {latest.range.lowest.name} ({format(latest.range.lowest.value)}).{" "}
              </>
            ) : null}
            {latest.sii.gapPhrase ?? latest.sii.reason} {latest.sii.interpretation}
          </p>
          {left > 0 && (
            <p className="text-sm">
              {left} ward{left === 1 ? " was" : "s were"} left out because too few people answered (suppressed).
            </p>
          )}
          <InequalityScatter
            points={latest.wards.map((w) => ({ ...w, href: areaHref(w.code, { indicator: indicator.slug }) }))}
            fittedMostDeprived={latest.sii.fittedMostDeprived}
            fittedLeastDeprived={latest.sii.fittedLeastDeprived}
            unitLabel={indicator.unitLabel}
            format={format}
            label={`${indicator.shortTitle} by ward against deprivation rank, ${latest.period}, with the fitted slope`}
          />
        </div>
      )}
      {periods.length > 1 && (
        <TrendChartBox
          className="h-72 w-full"
          testId="sii-chart"
          points={periods.map((p) => ({
            period: p.period,
            area: p.sii.sii,
            interval: p.sii.siiLower !== null && p.sii.siiUpper !== null ? [p.sii.siiLower, p.sii.siiUpper] : null,
            benchmark: null,
          }))}
          areaName="Slope index of inequality"
          unitLabel={`SII (${indicator.unitLabel})`}
          decimals={indicator.decimals}
        />
      )}
      <ScrollableTable label="Slope index of inequality by period (table)">
        <table className="w-full border-collapse text-sm" data-testid="sii-table">
          <caption className="mb-1 text-left font-semibold">
            Unevenness of {indicator.shortTitle.toLowerCase()} across {parent.name}’s wards, by period
          </caption>
          <thead>
            <tr className="border-b-2 border-black text-left">
              <th scope="col" className="py-1 pr-2">
                Period
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Gap (highest − lowest)
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                SII
              </th>
              <th scope="col" className="py-1 pr-2">
                95% interval
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                RII
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Wards used
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Left out
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period} className="border-b border-gray-300" data-period={p.period} data-sii={p.sii.sii ?? ""}>
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {p.period}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{p.range.highest ? number(p.range.gap) : "–"}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{number(p.sii.sii, 2)}</td>
                <td className="py-1 pr-2 tabular-nums">
                  {p.sii.siiLower !== null ? `${number(p.sii.siiLower, 2)} to ${number(p.sii.siiUpper, 2)}` : "–"}
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">{number(p.sii.rii, 2)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{p.sii.used}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{p.sii.suppressed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <p className="text-sm text-[var(--color-muted)]">
        The slope index of inequality (SII) is the gap, on the fitted line, between the least and the most deprived ends
        of {parent.name}, ranking wards by their {view.deprivationPeriod ?? "latest"} IMD score weighted by population.
        A positive SII means the least deprived wards have higher values. Intervals come from a seeded simulation (see
        the methodology). Download: <a href={`/api/v1/indicators/${indicator.slug}/inequality?format=csv`}>CSV</a> ·{" "}
        <a href={`/api/v1/indicators/${indicator.slug}/inequality`}>JSON</a>
      </p>
    </section>
  );
}

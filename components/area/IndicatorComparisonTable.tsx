import Link from "next/link";
import type { DomainKey } from "@/lib/domain/types";
import type { IndicatorComparison } from "@/lib/data/ward-profile";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { comparisonLabel, polarityPhrase, significanceLabel } from "@/lib/indicators/classify";
import type { TrendResult } from "@/lib/stats/trend";
import { areaHref } from "@/lib/url-state";
import { SpineChart } from "@/components/charts/SpineChart";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

/** A recent-trend marker, shown only where the trend test supports it (≥ 5 periods, p < 0.05). */
function TrendMarker({ trend }: { trend: TrendResult }) {
  if (trend.direction === "cannot-calculate") {
    return (
      <span className="text-[var(--color-muted)]" title={trend.reason}>
        –
      </span>
    );
  }
  if (trend.direction === "no-significant-change") {
    return <span title={trend.reason}>No significant change</span>;
  }
  const arrow = trend.direction === "increasing" ? "↑" : "↓";
  const words = trend.direction === "increasing" ? "Increasing" : "Decreasing";
  const rating =
    trend.rating === "improving" ? ", getting better" : trend.rating === "worsening" ? ", getting worse" : "";
  return (
    <span title={trend.reason} data-trend={trend.direction}>
      <span aria-hidden="true" className="font-bold">
        {arrow}
      </span>{" "}
      {words}
      {rating}
    </span>
  );
}

/** One domain's indicators: the ward against its local authority and the range of all its wards. */
export function IndicatorComparisonTable({
  domain,
  comparisons,
  wardCode,
  wardName,
  parentName,
  selectedSlug,
}: {
  domain: DomainKey;
  comparisons: IndicatorComparison[];
  wardCode: string;
  wardName: string;
  parentName: string;
  selectedSlug: string;
}) {
  const info = DOMAIN_INFO[domain];
  return (
    <section aria-labelledby={`domain-${domain}`} className="render-when-near space-y-2">
      <h3 id={`domain-${domain}`} className="text-lg font-bold">
        {info.title}
      </h3>
      <p className="text-sm text-[var(--color-muted)] print:hidden">{info.summary}</p>
      <ScrollableTable label={`${info.title}: ${wardName} and ${parentName}`}>
        <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid={`comparison-${domain}`}>
          <thead>
            <tr className="border-b-2 border-black text-left">
              <th scope="col" className="py-1 pr-2">
                Indicator
              </th>
              <th scope="col" className="py-1 pr-2">
                Period
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {wardName}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {parentName}
              </th>
              <th scope="col" className="w-48 py-1 pr-2">
                Range of wards
              </th>
              <th scope="col" className="py-1 pr-2">
                Compared with {parentName}
              </th>
              <th scope="col" className="py-1 pr-2">
                Recent trend
              </th>
            </tr>
          </thead>
          <tbody>
            {comparisons.map(({ indicator, period, ward, parent, wards, comparison, trend }) => {
              const interval = formatInterval(ward?.lowerCi ?? null, ward?.upperCi ?? null, indicator);
              const format = (v: number) => formatValue(v, indicator);
              const compared =
                indicator.polarity === "neither"
                  ? significanceLabel(comparison.significance, parentName)
                  : comparisonLabel(comparison.rating, parentName);
              return (
                <tr
                  key={indicator.slug}
                  className="border-b border-gray-300 align-top"
                  data-indicator={indicator.slug}
                  data-rating={comparison.rating}
                  data-significance={comparison.significance}
                  data-lower={ward?.lowerCi ?? ""}
                  data-upper={ward?.upperCi ?? ""}
                  data-benchmark={parent?.value ?? ""}
                >
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                    <Link
                      prefetch={false}
                      href={`${areaHref(wardCode, { indicator: indicator.slug })}#trend`}
                      aria-current={indicator.slug === selectedSlug ? "true" : undefined}
                      className={indicator.slug === selectedSlug ? "font-bold" : undefined}
                    >
                      {indicator.shortTitle}
                    </Link>{" "}
                    {indicator.synthetic && <SyntheticFlag compact />}
                    <span className="block text-xs text-[var(--color-muted)] print:hidden">
                      {indicator.unitLabel}. {polarityPhrase(indicator.polarity)}.
                    </span>
                  </th>
                  <td className="py-1.5 pr-2">{period ?? "–"}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">
                    <span className="font-semibold">
                      {ward?.suppressed ? "Suppressed" : formatValue(ward?.value, indicator)}
                    </span>
                    {interval && <span className="block text-xs text-[var(--color-muted)]">{interval}</span>}
                  </td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{formatValue(parent?.value, indicator)}</td>
                  <td className="py-1.5 pr-2">
                    {wards && parent?.value != null ? (
                      <SpineChart
                        min={wards.min}
                        max={wards.max}
                        q1={wards.q1}
                        q3={wards.q3}
                        benchmark={parent.value}
                        value={ward?.suppressed ? null : (ward?.value ?? null)}
                        lowerCi={ward?.lowerCi}
                        upperCi={ward?.upperCi}
                        rating={comparison.rating}
                        polarity={indicator.polarity}
                        label={indicator.shortTitle}
                        format={format}
                        areaName={wardName}
                        benchmarkName={parentName}
                      />
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="py-1.5 pr-2" title={comparison.reason}>
                    {comparison.significance === "not-compared" ? (
                      <span className="text-[var(--color-muted)]">Not tested</span>
                    ) : (
                      compared
                    )}
                  </td>
                  <td className="py-1.5 pr-2">
                    <TrendMarker trend={trend} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

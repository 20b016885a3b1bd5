import Link from "next/link";
import type { DomainKey } from "@/lib/domain/types";
import type { IndicatorComparison } from "@/lib/data/ward-profile";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { polarityPhrase } from "@/lib/indicators/classify";
import { areaHref } from "@/lib/url-state";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

/** One domain's indicators: the ward's latest value against its local authority's. */
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
    <section aria-labelledby={`domain-${domain}`} className="space-y-2">
      <h3 id={`domain-${domain}`} className="text-lg font-bold">
        {info.title}
      </h3>
      <p className="text-sm text-[var(--color-muted)]">{info.summary}</p>
      <ScrollableTable label={`${info.title}: ${wardName} and ${parentName}`}>
        <table className="w-full border-collapse text-sm" data-testid={`comparison-${domain}`}>
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
            </tr>
          </thead>
          <tbody>
            {comparisons.map(({ indicator, period, ward, parent }) => {
              const interval = formatInterval(ward?.lowerCi ?? null, ward?.upperCi ?? null, indicator);
              return (
                <tr key={indicator.slug} className="border-b border-gray-300 align-top" data-indicator={indicator.slug}>
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                    <Link
                      href={`${areaHref(wardCode, { indicator: indicator.slug })}#trend`}
                      aria-current={indicator.slug === selectedSlug ? "true" : undefined}
                      className={indicator.slug === selectedSlug ? "font-bold" : undefined}
                    >
                      {indicator.shortTitle}
                    </Link>{" "}
                    {indicator.synthetic && <SyntheticFlag compact />}
                    <span className="block text-xs text-[var(--color-muted)]">
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
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

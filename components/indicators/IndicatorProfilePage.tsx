import Link from "next/link";
import type { ExplorerView } from "@/lib/data/explorer";
import type { TrendPoint } from "@/lib/data/trends";
import type { InequalityView } from "@/lib/data/inequality";
import { InequalitySection } from "@/components/indicators/InequalitySection";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { polarityPhrase } from "@/lib/indicators/classify";
import { formatValue } from "@/lib/indicators/format";
import { buildWardMap } from "@/lib/indicators/ward-map";
import { DEFAULT_CLASSIFICATION_METHOD } from "@/lib/indicators/classify";
import { areaHref, explorerHref, indicatorHref } from "@/lib/url-state";
import { DistributionStrip } from "@/components/charts/DistributionStrip";
import { TrendFigure } from "@/components/charts/TrendFigure";
import { WardRanking } from "@/components/explorer/WardRanking";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { DownloadLinks } from "@/components/downloads/DownloadLinks";
import { ScriptsOnDemand } from "@/components/layout/ScriptsOnDemand";
import { SourceList } from "@/components/indicators/SourceList";
import type { SourceSummary } from "@/lib/data/provenance";

/** Everything about one indicator: what it means, where it comes from, how it varies and changes. */
export function IndicatorProfilePage({
  view,
  trend,
  inequality,
  highlight,
  sources,
}: {
  view: ExplorerView;
  /** The sources of the indicator's figures for the authority and its wards (not the definition's). */
  sources: SourceSummary[];
  trend: TrendPoint[];
  inequality: InequalityView;
  highlight?: string;
}) {
  const { indicator, period, periods, parent, wards } = view;
  const { ranked } = buildWardMap(view, { mode: "compare", method: DEFAULT_CLASSIFICATION_METHOD, from: highlight });
  return (
    <div className="space-y-8">
      {/* Reads completely without JavaScript; only the trend chart asks for it. */}
      <ScriptsOnDemand />
      <div className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-[var(--color-muted)]">
          {DOMAIN_INFO[indicator.domain].title} indicator
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{indicator.title}</h1>
        <p className="flex flex-wrap items-center gap-2">
          {indicator.synthetic && <SyntheticFlag />}
          <span>
            {indicator.unitLabel}. {polarityPhrase(indicator.polarity)}.
          </span>
        </p>
        <p>
          <Link href={explorerHref({ indicator: indicator.slug, period })}>See it on the map of {parent.name}</Link>
        </p>
        <DownloadLinks query={{ indicator: indicator.slug }} label="every area and period of this indicator" />
      </div>

      <section aria-labelledby="definition-heading" className="max-w-3xl space-y-2">
        <h2 id="definition-heading" className="text-xl font-bold">
          What it measures
        </h2>
        <p>{indicator.description}</p>
        <h3 className="font-bold">Why it matters for active citizenship</h3>
        <p>{indicator.whyItMatters}</p>
        <h3 className="font-bold">Method</h3>
        <p>{indicator.method}</p>
        {indicator.caveats && (
          <>
            <h3 className="font-bold">Caveats</h3>
            <p>{indicator.caveats}</p>
          </>
        )}
        <h3 className="font-bold">Sources and licences</h3>
        <p className="text-sm">Where the figures below come from: each figure is kept with its own source.</p>
        <div data-testid="indicator-source">
          <SourceList sources={sources} />
        </div>
      </section>

      <section aria-labelledby="distribution-heading" className="space-y-3">
        <h2 id="distribution-heading" className="text-xl font-bold">
          Across {parent.name}’s wards, {period}
        </h2>
        {periods.length > 1 && (
          <nav aria-label="Periods" className="flex flex-wrap gap-2 text-sm no-print">
            {periods.map((p) =>
              p === period ? (
                <span key={p} aria-current="page" className="rounded bg-black px-2 py-0.5 font-semibold text-white">
                  {p}
                </span>
              ) : (
                <Link key={p} prefetch={false} href={indicatorHref(indicator.slug, { period: p, from: highlight })}>
                  {p}
                </Link>
              ),
            )}
          </nav>
        )}
        <p>
          {parent.name}: <strong>{formatValue(parent.observation?.value, indicator)}</strong>. Each dot is a ward;
          select one to open its page. The table below lists the same figures.
        </p>
        <div className="overflow-x-auto" data-testid="distribution">
          <div className="min-w-[34rem]">
            <DistributionStrip
              points={wards.map((w) => ({
                code: w.code,
                name: w.name,
                value: w.observation?.suppressed ? null : (w.observation?.value ?? null),
                href: areaHref(w.code, { indicator: indicator.slug }),
              }))}
              benchmark={
                parent.observation?.value != null ? { label: parent.name, value: parent.observation.value } : undefined
              }
              unitLabel={indicator.unitLabel}
              format={(v) => formatValue(v, indicator)}
              highlightCode={highlight}
              label={`${indicator.shortTitle} across ${parent.name}'s wards, ${period}`}
            />
          </div>
        </div>
        <WardRanking
          ranked={ranked}
          indicator={indicator}
          parentName={parent.name}
          parentValue={parent.observation?.value ?? null}
          highlight={highlight}
        />
      </section>

      <InequalitySection view={inequality} />

      <section aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className="text-xl font-bold">
          {parent.name} over time
        </h2>
        <TrendFigure points={trend} indicator={indicator} areaName={parent.name} />
      </section>
    </div>
  );
}

import Link from "next/link";
import type { CommitteeSlide } from "@/lib/data/committee";
import { COMPARISON_COLOURS, comparisonLabel, polarityPhrase } from "@/lib/indicators/classify";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { compareWithBenchmark } from "@/lib/stats/compare";
import { presentSlidePath } from "@/lib/url-state";
import { SlideKeys } from "@/components/present/SlideKeys";

/** One slide: the chosen wards against the authority for one indicator, in very large type. */
export function CommitteeSlideView({
  slide,
  number,
  total,
  wards,
  indicators,
}: {
  slide: CommitteeSlide;
  number: number;
  total: number;
  wards: string[];
  indicators: string[];
}) {
  const { indicator, period, parent } = slide;
  const rows = [...slide.wards, { ...parent, isParent: true as const }];
  const max = Math.max(...rows.map((r) => r.observation?.upperCi ?? r.observation?.value ?? 0), 0) || 1;
  const previous = number > 1 ? presentSlidePath({ wards, indicators, slide: number - 1 }) : undefined;
  const next = number < total ? presentSlidePath({ wards, indicators, slide: number + 1 }) : undefined;
  return (
    <section
      aria-labelledby="slide-title"
      className="mx-auto flex min-h-[85vh] max-w-6xl flex-col gap-6"
      data-testid="slide"
    >
      <SlideKeys previous={previous} next={next} />
      <header>
        <p className="text-xl font-semibold">
          Slide {number} of {total} · {period}
        </p>
        <h1 id="slide-title" className="text-4xl font-bold leading-tight sm:text-5xl">
          {indicator.shortTitle}
        </h1>
        <p className="text-xl">
          {indicator.unitLabel}. {polarityPhrase(indicator.polarity)}.
          {indicator.synthetic && (
            <strong className="ml-2 border-2 border-black px-2">SYNTHETIC DATA — illustrative, not real results</strong>
          )}
        </p>
      </header>
      <ol className="flex-1 space-y-5">
        {rows.map((row) => {
          const obs = row.observation;
          const isParent = "isParent" in row;
          const comparison =
            !isParent && obs && parent.observation
              ? compareWithBenchmark(obs, parent.observation, indicator.polarity)
              : null;
          const rated = comparison && comparison.rating !== "not-compared" ? comparison.rating : null;
          return (
            <li key={row.code} className="space-y-1" data-area-code={row.code}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-3xl">
                <span className={isParent ? "font-normal" : "font-bold"}>{row.name}</span>
                <span className="font-bold tabular-nums">
                  {obs?.suppressed ? "Suppressed" : formatValue(obs?.value, indicator)}
                </span>
              </div>
              <div className="h-8 w-full border-2 border-black bg-white" aria-hidden="true">
                {obs?.value != null && (
                  <div
                    className={
                      isParent
                        ? "h-full bg-[repeating-linear-gradient(45deg,#000_0,#000_4px,#fff_4px,#fff_8px)]"
                        : "h-full bg-black"
                    }
                    style={{ width: `${(obs.value / max) * 100}%` }}
                  />
                )}
              </div>
              <p className="text-xl">
                {formatInterval(obs?.lowerCi ?? null, obs?.upperCi ?? null, indicator)
                  ? `95% interval ${formatInterval(obs!.lowerCi, obs!.upperCi, indicator)}. `
                  : ""}
                {rated && (
                  <strong>
                    {COMPARISON_COLOURS[rated].symbol} {comparisonLabel(rated, parent.name)}
                  </strong>
                )}
              </p>
            </li>
          );
        })}
      </ol>
      <footer className="flex flex-wrap items-center justify-between gap-4 border-t-4 border-black pt-4 text-xl">
        <nav aria-label="Slides" className="flex gap-6">
          {previous ? <Link href={previous}>← Previous</Link> : <span aria-disabled="true">← Previous</span>}
          {next ? <Link href={next}>Next →</Link> : <span aria-disabled="true">Next →</span>}
          <Link href="/present">Change the selection</Link>
        </nav>
        <p className="text-base">Civic Pulse · Source: see each indicator’s page · Keys: ← →</p>
      </footer>
    </section>
  );
}

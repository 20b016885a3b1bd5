import type { AreaSummary } from "@/lib/indicators/summary";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";

/** Plain-English strengths and gaps: only differences that are statistically significant. */
export function WardSummary({
  summary,
  parentName,
  syntheticSlugs,
  assetCounts,
}: {
  summary: AreaSummary;
  parentName: string;
  syntheticSlugs: Set<string>;
  assetCounts: { spaces: number; groups: number };
}) {
  const item = (s: AreaSummary["gaps"][number]) => (
    <li key={s.slug} data-slug={s.slug}>
      {s.text} {syntheticSlugs.has(s.slug) && <SyntheticFlag compact />}
    </li>
  );
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="ward-summary">
      <div className="border-l-4 border-[#0072B2] pl-3">
        <h3 className="font-bold">Strengths</h3>
        {summary.strengths.length ? (
          <ul className="list-disc space-y-1 pl-5">{summary.strengths.map(item)}</ul>
        ) : (
          <p>No indicator is significantly better than across {parentName}.</p>
        )}
      </div>
      <div className="border-l-4 border-[#D55E00] pl-3">
        <h3 className="font-bold">Gaps</h3>
        {summary.gaps.length ? (
          <ul className="list-disc space-y-1 pl-5">{summary.gaps.map(item)}</ul>
        ) : (
          <p>No indicator is significantly worse than across {parentName}.</p>
        )}
        <p className="mt-2 text-sm">
          To build on: {assetCounts.spaces} community space{assetCounts.spaces === 1 ? "" : "s"} and{" "}
          {assetCounts.groups} group{assetCounts.groups === 1 ? "" : "s"} in this ward ({" "}
          <a href="#assets">see the assets</a>).
        </p>
      </div>
      <p className="text-sm text-[var(--color-muted)] md:col-span-2">
        Only differences that are statistically significant (the ward’s 95% confidence interval does not include the{" "}
        {parentName} value) are listed. Census and deprivation figures have no interval, so they are not listed here.
      </p>
    </div>
  );
}

import { attributionOf, type HomeProvenance } from "@/lib/data/provenance";

/** What remains illustrative, in words: "the figures of 13 indicators", "the community-asset register …". */
function illustrativeParts({ syntheticIndicators: count, syntheticAssetRegister }: HomeProvenance): string[] {
  return [
    ...(count > 0 ? [`the figures of ${count} indicator${count === 1 ? "" : "s"}`] : []),
    ...(syntheticAssetRegister ? ["the community-asset register (and the asset indicators counted from it)"] : []),
  ];
}

/**
 * The attributions the licences of the data shown ask for (Open Government Licence and others), from the
 * sources that hold it, and a warning for as long as any of it is synthetic.
 */
export function SiteFooter({ provenance }: { provenance: HomeProvenance }) {
  const attributions = [...new Set(provenance.sources.filter((source) => !source.synthetic).map(attributionOf))];
  const illustrative = illustrativeParts(provenance);
  return (
    <footer className="mt-8 border-t-4 border-[#1d4f91] bg-[#f3f2f1] text-sm text-[#0b0c0c] print:mt-2 print:text-xs">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 print:py-1">
        <nav aria-label="Tools" className="no-print flex flex-wrap gap-4">
          <a href="/present">Committee mode</a>
          <a href="/api/v1/openapi.json">Open data API</a>
          <a href="/api/v1/observations?format=csv">Download everything (CSV)</a>
        </nav>
        <p data-testid="footer-attributions">
          <strong>Data sources.</strong>{" "}
          {provenance.sources.length === 0
            ? "No boundaries, figures or assets have been imported yet."
            : attributions.join(" ")}
        </p>
        {provenance.sources.length > 0 && (
          <details className="no-print">
            <summary>Every source ({provenance.sources.length})</summary>
            <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="footer-sources">
              {provenance.sources.map((source) => (
                <li key={source.id}>
                  {source.title}. {source.publisher}
                  {source.vintage ? `, ${source.vintage}` : ""}. Licence: {source.licence}.
                  {source.synthetic ? " Synthetic (illustrative) data." : ""}
                </li>
              ))}
            </ul>
          </details>
        )}
        {illustrative.length > 0 && (
          <p data-testid="footer-illustrative">
            <strong>Illustrative data.</strong> These are <strong>synthetic</strong>: {illustrative.join(" and ")}. They
            were generated to demonstrate the dashboard, are marked “Synthetic” wherever they appear, and are not real
            survey results or real places.
          </p>
        )}
      </div>
    </footer>
  );
}

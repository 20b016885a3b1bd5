import type { SourceSummary } from "@/lib/data/provenance";

/** Each source of the figures on a page, one line each: title, publisher, edition, licence, attribution. */
export function SourceList({ sources }: { sources: SourceSummary[] }) {
  if (sources.length === 0) return <p className="text-sm">No figures yet.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="figure-sources">
      {sources.map((source) => (
        <li key={source.id} data-source-id={source.id}>
          <cite className="not-italic font-semibold">{source.title}</cite>. {source.publisher}
          {source.vintage ? `, ${source.vintage}` : ""}. Licence: {source.licence}.
          {source.attribution ? ` ${source.attribution}` : ""}
          {source.synthetic ? " Synthetic: illustrative, generated data." : ""}
        </li>
      ))}
    </ul>
  );
}

import type { HomeDataStatus } from "@/lib/data/home-authority";

/** What a council's import already holds, in a sentence. */
function holdings({ authority, wards }: HomeDataStatus): string {
  if (!authority.name) return `The database does not hold ${authority.code}'s boundary yet, nor any of its figures.`;
  if (wards === 0) return `The database holds ${authority.name}'s boundary, but none of its wards or figures yet.`;
  return `The database holds ${authority.name}'s boundary and ${wards} ward${wards === 1 ? "" : "s"}, but no figures for them yet.`;
}

/**
 * Said instead of a map, a table or a form when the home authority has no figures: a council's first run
 * holds the indicator catalogue alone, until it imports its own data. `compact` (for embeds) leaves out
 * how to import; `headingLevel` 2 for a page that has its own title.
 */
export function NoDataYet({
  status,
  compact = false,
  headingLevel = 1,
}: {
  status: HomeDataStatus;
  compact?: boolean;
  headingLevel?: 1 | 2;
}) {
  const name = status.authority.name ?? status.authority.code;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="max-w-3xl space-y-3" data-testid="no-data-yet">
      <Heading className={compact ? "text-lg font-bold" : "text-2xl font-bold sm:text-3xl"}>
        No data for {name} yet
      </Heading>
      <p>{holdings(status)}</p>
      {!compact && (
        <>
          <p>Whoever runs this dashboard adds them from the command line, in this order:</p>
          <ol className="list-decimal space-y-1 pl-6">
            <li>
              the authority&apos;s boundary:{" "}
              <code>npm run import -- boundaries authority.geojson --type local_authority</code>
            </li>
            <li>
              its wards:{" "}
              <code>
                npm run import -- boundaries wards.geojson --parent {status.authority.code} --population-field
                population
              </code>
            </li>
            <li>
              figures: <code>npm run import -- indicators figures.csv</code>, or raw survey responses with{" "}
              <code>npm run import -- survey</code>
            </li>
            <li>
              community assets: <code>npm run import -- assets assets.csv</code>
            </li>
          </ol>
          <p>
            The file formats are in <code>docs/data-format.md</code>, and the steps in the README&apos;s “Adopting Civic
            Pulse for your council”. Pages show the new data as soon as each import lands.
          </p>
        </>
      )}
    </div>
  );
}

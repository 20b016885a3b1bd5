import Link from "next/link";
import type { AreaMatch } from "@/lib/data/search";
import { areaHref } from "@/lib/url-state";
import { SearchForm } from "@/components/search/SearchForm";

export function SearchResults({
  query,
  matches = [],
  postcode = false,
  problem,
}: {
  query: string;
  matches?: AreaMatch[];
  postcode?: boolean;
  problem?: string;
}) {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Find your ward</h1>
      <div className="rounded bg-[#f3f2f1] p-3">
        <SearchForm defaultValue={query} id="search-page-query" />
      </div>
      {problem && (
        <p role="alert" className="border-l-4 border-[#d4351c] pl-3 font-semibold">
          {problem}
        </p>
      )}
      {postcode && (
        <p className="border-l-4 border-[#1d4f91] pl-3">
          Searching by postcode needs a postcode lookup, which this site does not hold yet. Type part of your ward’s
          name instead, or pick it on the map.
        </p>
      )}
      {query && !postcode && (
        <p aria-live="polite">
          {matches.length === 0
            ? `No ward matches “${query}”.`
            : `${matches.length} ward${matches.length === 1 ? "" : "s"} match${matches.length === 1 ? "es" : ""} “${query}”.`}
        </p>
      )}
      {matches.length > 0 && (
        <ul className="list-disc space-y-1 pl-5" data-testid="search-results">
          {matches.map((match) => (
            <li key={match.code}>
              <Link prefetch={false} href={areaHref(match.code)}>
                {match.name}
              </Link>
              {match.parentName && <span className="text-[var(--color-muted)]"> · ward in {match.parentName}</span>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/">See all wards on the map</Link>
      </p>
    </div>
  );
}

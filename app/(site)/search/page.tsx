import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchResults } from "@/components/search/SearchResults";
import { POSTCODE_PATTERN, searchWards } from "@/lib/data/search";
import { areaHref, parseSearchQuery } from "@/lib/url-state";

export const metadata: Metadata = { title: "Find your ward" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const query = parseSearchQuery(await searchParams);
  if (query === null) return <SearchResults query="" problem="Search text can be at most 100 characters." />;
  const matches = query ? await searchWards(query) : [];
  // One exact name match: go straight to the ward.
  const exact = matches.filter((m) => m.name.toLowerCase() === query.toLowerCase() || m.code === query.toUpperCase());
  if (exact.length === 1) redirect(areaHref(exact[0]!.code));
  return <SearchResults query={query} matches={matches} postcode={POSTCODE_PATTERN.test(query)} />;
}

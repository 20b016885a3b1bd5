import type { Metadata } from "next";
import { CommitteeSetup } from "@/components/present/CommitteeSetup";
import { NoDataYet } from "@/components/layout/NoDataYet";
import { homeAreaCode } from "@/lib/config";
import { getCommitteeChoices } from "@/lib/data/committee";
import { getHomeDataStatus } from "@/lib/data/home-authority";

export const metadata: Metadata = { title: "Committee mode" };

// /present: the form that chooses the wards and indicators (a deck, /present?wards=…&indicators=…, is
// rewritten by proxy.ts to /present/[state]). Generated at build time and served from the cache;
// regenerated when an import lands (app/api/revalidate) and at most a day after the last generation otherwise.
export const revalidate = 86400;

export default async function PresentPage() {
  const { wards, indicators } = await getCommitteeChoices(homeAreaCode());
  const nothingToPresent = wards.length === 0 || indicators.length === 0;
  return (
    <CommitteeSetup
      wards={wards}
      indicators={indicators}
      noData={nothingToPresent ? <NoDataYet status={await getHomeDataStatus()} headingLevel={2} /> : undefined}
    />
  );
}

// The local authority this dashboard is about (CIVIC_PULSE_HOME_AREA), as the database knows it: the
// header, the page title and the not-found page name it from here, never from a constant, so a council
// that is not the demo's sees its own name everywhere.
import "server-only";
import { cache } from "react";
import { homeAreaCode } from "@/lib/config";
import { db } from "@/lib/db/client";
import { currentWardsOf } from "@/lib/data/areas";
import { getHomeProvenance, type HomeProvenance } from "@/lib/data/provenance";
import type { AreaCode } from "@/lib/domain/types";

export interface HomeAuthority {
  code: AreaCode;
  /** Null until the authority's boundary is imported (a new council's first run). */
  name: string | null;
}

/** Memoised per request (React cache): the layout, the page and the not-found page all ask for it. */
export const getHomeAuthority = cache(async (): Promise<HomeAuthority> => {
  const code = homeAreaCode();
  const area = await db.area.findUnique({ where: { code }, select: { name: true } });
  return { code, name: area?.name ?? null };
});

/** How pages name the authority: its name, or its code while the database does not know it yet. */
export function authorityLabel(authority: HomeAuthority): string {
  return authority.name ?? authority.code;
}

export interface SiteChromeData {
  authorityLabel: string;
  provenance: HomeProvenance;
}

/** What the site's header and footer show: the authority's name, and where what is shown for it comes from. */
export async function getSiteChromeData(): Promise<SiteChromeData> {
  const authority = await getHomeAuthority();
  return { authorityLabel: authorityLabel(authority), provenance: await getHomeProvenance(authority.code) };
}

export interface HomeDataStatus {
  authority: HomeAuthority;
  /** The authority's current wards in the database. */
  wards: number;
}

/** How far a council's imports have got, for the pages that have nothing to show yet. */
export async function getHomeDataStatus(): Promise<HomeDataStatus> {
  const authority = await getHomeAuthority();
  return { authority, wards: await db.area.count({ where: currentWardsOf(authority.code) }) };
}

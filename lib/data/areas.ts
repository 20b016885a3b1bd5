// Areas as stored: which wards are current, and what replaced a retired one.
import "server-only";
import { db } from "@/lib/db/client";
import type { AreaCode } from "@/lib/domain/types";

/** Prisma filter for the current wards of a local authority (retired codes have a successor). */
export function currentWardsOf(laCode: AreaCode) {
  return { parentCode: laCode, type: "ward", successorCode: null } as const;
}

/** Prisma filter for a local authority and its current wards: the areas its pages show. */
export function authorityAndCurrentWards(laCode: AreaCode) {
  return { OR: [{ code: laCode }, currentWardsOf(laCode)] };
}

export interface RetiredArea {
  code: AreaCode;
  name: string;
  successor: { code: AreaCode; name: string } | null;
}

/** An area whose code was replaced by a boundary change, with its successor; null otherwise. */
export async function getRetiredArea(code: AreaCode): Promise<RetiredArea | null> {
  const area = await db.area.findUnique({ where: { code }, select: { code: true, name: true, successorCode: true } });
  if (!area?.successorCode) return null;
  const successor = await db.area.findUnique({
    where: { code: area.successorCode },
    select: { code: true, name: true },
  });
  return { code: area.code, name: area.name, successor };
}

/** The codes of a local authority's current wards, for pages generated ahead of their first visit. */
export async function listCurrentWardCodes(laCode: AreaCode): Promise<AreaCode[]> {
  const wards = await db.area.findMany({
    where: currentWardsOf(laCode),
    select: { code: true },
    orderBy: { code: "asc" },
  });
  return wards.map((ward) => ward.code);
}

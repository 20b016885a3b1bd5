// Data for committee mode: chosen wards against their authority, one indicator per slide.
import "server-only";
import { db } from "@/lib/db/client";
import type { AreaCode, Indicator, Observation } from "@/lib/domain/types";
import { listIndicatorsWithFigures, listPeriods } from "@/lib/data/indicators";
import { toObservation } from "@/lib/data/observations";
import { currentWardsOf } from "@/lib/data/areas";

export interface CommitteeSlide {
  indicator: Indicator;
  period: string;
  parent: { code: AreaCode; name: string; observation: Observation | null };
  wards: { code: AreaCode; name: string; observation: Observation | null }[];
}

/**
 * What committee mode offers to choose from: the authority's current wards by name, and the indicators
 * with figures for them (a slide of an indicator the authority has no figures for would be empty).
 */
export async function getCommitteeChoices(laCode: AreaCode) {
  const [wards, indicators] = await Promise.all([
    db.area.findMany({ where: currentWardsOf(laCode), select: { code: true, name: true }, orderBy: { name: "asc" } }),
    listIndicatorsWithFigures(laCode),
  ]);
  return { wards, indicators };
}

/**
 * Null when a ward is not one of the authority's, or an indicator is unknown or has no figures for the
 * authority's wards (the page answers 404).
 */
export async function getCommitteeSlides(
  laCode: AreaCode,
  wardCodes: AreaCode[],
  slugs: string[],
): Promise<CommitteeSlide[] | null> {
  const [la, wards, indicators] = await Promise.all([
    db.area.findUnique({ where: { code: laCode }, select: { code: true, name: true } }),
    db.area.findMany({
      where: { ...currentWardsOf(laCode), code: { in: wardCodes } },
      select: { code: true, name: true },
    }),
    listIndicatorsWithFigures(laCode),
  ]);
  if (!la || wards.length !== new Set(wardCodes).size) return null;
  const chosen = slugs.map((slug) => indicators.find((i) => i.slug === slug));
  if (chosen.some((i) => !i)) return null;
  return Promise.all(
    (chosen as Indicator[]).map(async (indicator) => {
      const period = (await listPeriods(indicator.slug, laCode)).at(-1) ?? "";
      const rows = await db.observation.findMany({
        where: { indicatorSlug: indicator.slug, period, group: "all", areaCode: { in: [laCode, ...wardCodes] } },
      });
      const find = (code: string) => {
        const row = rows.find((r) => r.areaCode === code);
        return row ? toObservation(row) : null;
      };
      return {
        indicator,
        period,
        parent: { ...la, observation: find(laCode) },
        wards: wardCodes.map((code) => ({
          code,
          name: wards.find((w) => w.code === code)!.name,
          observation: find(code),
        })),
      };
    }),
  );
}

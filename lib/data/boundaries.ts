// Area boundaries as stored, for maps.
import "server-only";
import { db } from "@/lib/db/client";
import { currentWardsOf } from "@/lib/data/areas";
import type { AreaCode, GeoJsonGeometry } from "@/lib/domain/types";
import type { BoundaryArea } from "@/lib/geography/boundary-topology";

/** The wards of a local authority with their boundaries; null when the authority is unknown. */
export async function getWardBoundaries(laCode: AreaCode): Promise<BoundaryArea[] | null> {
  const la = await db.area.findUnique({ where: { code: laCode }, select: { type: true } });
  if (!la || la.type !== "local_authority") return null;
  const wards = await db.area.findMany({
    where: { ...currentWardsOf(laCode), geometry: { not: null } },
    select: { code: true, name: true, geometry: true },
    orderBy: { code: "asc" },
  });
  return wards.map((w) => ({ code: w.code, name: w.name, geometry: JSON.parse(w.geometry!) as GeoJsonGeometry }));
}

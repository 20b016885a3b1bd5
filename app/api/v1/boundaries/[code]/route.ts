// GET /api/v1/boundaries/{localAuthorityCode}: the authority's ward boundaries as TopoJSON
// (object "areas", feature ids = ward codes). The map loads these from this site: no tile server.
import { jsonResponse, withEntityTag } from "@/lib/api/v1/http";
import { getWardBoundaries } from "@/lib/data/boundaries";
import { toTopoJson } from "@/lib/geography/topojson";
import { isAreaCode } from "@/lib/url-state";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const boundaries = isAreaCode(code) ? await getWardBoundaries(code) : null;
  if (!boundaries) {
    return jsonResponse(
      { error: `No local authority with boundaries has the code "${code.slice(0, 20)}".` },
      { status: 404 },
    );
  }
  const topology = new Response(JSON.stringify(toTopoJson(boundaries)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // Boundaries change only when an import lands.
      "Cache-Control": "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800",
    },
  });
  return withEntityTag(request, topology);
}

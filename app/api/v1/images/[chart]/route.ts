// GET /api/v1/images/map.svg|map.png|trend.svg|trend.png: report images (see lib/api/v1/images.ts).
import { imageResponse, respondWithImage } from "@/lib/api/v1/images";

export const GET = async (request: Request, { params }: { params: Promise<{ chart: string }> }) => {
  const { chart } = await params;
  return respondWithImage(request, () => imageResponse(chart, new URL(request.url).searchParams));
};

import { respond } from "@/lib/api/v1/http";
import { indicatorResponse } from "@/lib/api/v1/indicators";

export const GET = async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return respond(request, () => indicatorResponse(slug, new URL(request.url).searchParams));
};

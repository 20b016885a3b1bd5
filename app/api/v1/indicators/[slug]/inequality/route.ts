import { respond } from "@/lib/api/v1/http";
import { inequalityResponse } from "@/lib/api/v1/inequality";

export const GET = async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return respond(request, () => inequalityResponse(slug, new URL(request.url).searchParams));
};

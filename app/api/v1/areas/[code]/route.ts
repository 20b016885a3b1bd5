import { respond } from "@/lib/api/v1/http";
import { areaResponse } from "@/lib/api/v1/areas";

export const GET = async (request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  return respond(request, () => areaResponse(code, new URL(request.url).searchParams));
};

import { respond } from "@/lib/api/v1/http";
import { observationsResponse } from "@/lib/api/v1/observations";

export const GET = (request: Request) =>
  respond(request, () => observationsResponse(new URL(request.url).searchParams));

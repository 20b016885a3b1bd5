import { respond } from "@/lib/api/v1/http";
import { indicatorsResponse } from "@/lib/api/v1/indicators";

export const GET = (request: Request) => respond(request, () => indicatorsResponse(new URL(request.url).searchParams));

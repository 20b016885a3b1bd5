import { respond } from "@/lib/api/v1/http";
import { observationsResponse } from "@/lib/api/v1/observations";

export const GET = (request: Request) => respond(() => observationsResponse(new URL(request.url).searchParams));

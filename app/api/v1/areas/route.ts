import { respond } from "@/lib/api/v1/http";
import { areasResponse } from "@/lib/api/v1/areas";

export const GET = (request: Request) => respond(request, () => areasResponse(new URL(request.url).searchParams));

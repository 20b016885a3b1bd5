import { API_CACHE_CONTROL } from "@/lib/api/v1/http";
import { openApiDocument } from "@/lib/api/v1/openapi";

export const GET = () => Response.json(openApiDocument(), { headers: { "Cache-Control": API_CACHE_CONTROL } });

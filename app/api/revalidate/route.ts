// POST /api/revalidate (Authorization: Bearer <token>): every page is regenerated on its next visit.
// Called by the import CLI after an import lands (lib/cache/revalidation.ts). Not part of the public API.
import { revalidatePath } from "next/cache";
import { isAuthorised, revalidationToken } from "@/lib/cache/revalidation";

export async function POST(request: Request) {
  if (!isAuthorised(request.headers.get("authorization"), revalidationToken())) {
    return Response.json({ error: "A valid token is needed to revalidate." }, { status: 401 });
  }
  // The root layout holds every page, so this marks them all; each regenerates when next requested.
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true, at: new Date().toISOString() });
}

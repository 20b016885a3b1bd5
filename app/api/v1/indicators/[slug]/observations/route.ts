import { respond, notFound } from "@/lib/api/v1/http";
import { slugParam } from "@/lib/api/v1/params";
import { observationsResponse } from "@/lib/api/v1/observations";

export const GET = async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return respond(request, async () => {
    if (!slugParam.safeParse(slug).success) throw notFound(`No indicator has the slug "${slug.slice(0, 40)}".`);
    return observationsResponse(new URL(request.url).searchParams, { indicator: slug });
  });
};

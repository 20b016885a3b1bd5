import { notFound } from "next/navigation";
import { parseIndicatorParams, stateFromSegment } from "@/lib/url-state";
import { IndicatorRoute, indicatorPageMetadata } from "../../indicator-page";

// /indicators/[slug]?period=…&from=… is rewritten here by proxy.ts (lib/url-state.ts owns the mapping).
// Rendered on first request, then served from the cache like /indicators/[slug].
type Props = { params: Promise<{ slug: string; state: string }> };

export const revalidate = 86400;
export const generateStaticParams = async () => [];

async function stateOf(params: Props["params"]) {
  const { slug, state } = await params;
  const query = stateFromSegment(state);
  return { slug, state: query ? parseIndicatorParams(query) : null };
}

export async function generateMetadata({ params }: Props) {
  const { slug, state } = await stateOf(params);
  return indicatorPageMetadata(slug, state ?? {});
}

export default async function IndicatorViewPage({ params }: Props) {
  const { slug, state } = await stateOf(params);
  if (!state) notFound();
  return <IndicatorRoute slug={slug} state={state} />;
}

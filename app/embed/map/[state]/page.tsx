import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseEmbedMapParams, stateFromSegment } from "@/lib/url-state";
import { EmbedMapRoute, embedMapMetadata } from "../embed-map";

// /embed/map?indicator=…&period=…&mode=…&classes=… is rewritten here by proxy.ts (lib/url-state.ts owns
// the mapping). Rendered on first request, then served from the cache like /embed/map.
type Props = { params: Promise<{ state: string }> };

export const revalidate = 86400;
export const generateStaticParams = async () => [];
export const metadata: Metadata = embedMapMetadata;

export default async function EmbedMapStatePage({ params }: Props) {
  const query = stateFromSegment((await params).state);
  const state = query && parseEmbedMapParams(query);
  if (!state) notFound();
  return <EmbedMapRoute params={state} />;
}

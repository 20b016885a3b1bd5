import { notFound } from "next/navigation";
import { parseExplorerParams, stateFromSegment } from "@/lib/url-state";
import { ExplorerRoute } from "../../explorer-page";

// /?indicator=…&period=… is rewritten here by proxy.ts (lib/url-state.ts owns the mapping).
// Rendered on first request, then served from the cache like /.
type Props = { params: Promise<{ state: string }> };

export const revalidate = 86400;
export const generateStaticParams = async () => [];

export default async function ExplorerStatePage({ params }: Props) {
  const query = stateFromSegment((await params).state);
  const state = query && parseExplorerParams(query);
  if (!state) notFound();
  return <ExplorerRoute params={state} />;
}

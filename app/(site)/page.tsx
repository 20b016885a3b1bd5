import { notFound } from "next/navigation";
import { ExplorerPage } from "@/components/explorer/ExplorerPage";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { listIndicators } from "@/lib/data/indicators";
import { listWideningGaps } from "@/lib/data/inequality";
import { DEFAULT_INDICATOR_SLUG } from "@/lib/indicators/catalogue";
import { DEFAULT_CLASSIFICATION_METHOD } from "@/lib/indicators/classify";
import { parseExplorerParams } from "@/lib/url-state";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseExplorerParams(await searchParams);
  if (!params) notFound();
  const [view, indicators, wideningGaps] = await Promise.all([
    getExplorerView(homeAreaCode(), params.indicator ?? DEFAULT_INDICATOR_SLUG, params.period),
    listIndicators(),
    listWideningGaps(homeAreaCode()),
  ]);
  if (!view) notFound();
  return (
    <ExplorerPage
      view={view}
      indicators={indicators}
      wideningGaps={wideningGaps}
      state={{
        mode: params.mode ?? "value",
        method: params.classes ?? DEFAULT_CLASSIFICATION_METHOD,
        from: params.from,
        sort: params.sort ?? "lowest",
      }}
    />
  );
}

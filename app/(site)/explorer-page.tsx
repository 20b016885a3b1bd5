// What the home page renders, for / (the default view) and /explore/[state] (any other, where proxy.ts
// sends /?indicator=…&period=…). The state is a path segment so that every view is generated once and
// served from the cache: a page that reads its query string renders per request (lib/url-state.ts).
import { notFound } from "next/navigation";
import { ExplorerPage } from "@/components/explorer/ExplorerPage";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { listIndicators } from "@/lib/data/indicators";
import { listWideningGaps } from "@/lib/data/inequality";
import { DEFAULT_INDICATOR_SLUG } from "@/lib/indicators/catalogue";
import { DEFAULT_CLASSIFICATION_METHOD } from "@/lib/indicators/classify";
import type { ExplorerParams } from "@/lib/url-state";

export async function ExplorerRoute({ params }: { params: ExplorerParams }) {
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

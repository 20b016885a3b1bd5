// What the home page renders, for / (the default view) and /explore/[state] (any other, where proxy.ts
// sends /?indicator=…&period=…). The state is a path segment so that every view is generated once and
// served from the cache: a page that reads its query string renders per request (lib/url-state.ts).
import { notFound } from "next/navigation";
import { ExplorerPage } from "@/components/explorer/ExplorerPage";
import { NoDataYet } from "@/components/layout/NoDataYet";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { getHomeDataStatus } from "@/lib/data/home-authority";
import { listIndicatorsWithFigures } from "@/lib/data/indicators";
import { listWideningGaps } from "@/lib/data/inequality";
import { defaultIndicatorSlug } from "@/lib/indicators/catalogue";
import { DEFAULT_CLASSIFICATION_METHOD } from "@/lib/indicators/classify";
import type { ExplorerParams } from "@/lib/url-state";

export async function ExplorerRoute({ params }: { params: ExplorerParams }) {
  const laCode = homeAreaCode();
  const indicators = await listIndicatorsWithFigures(laCode);
  const slug = params.indicator ?? defaultIndicatorSlug(indicators);
  // A council's first run, before its imports: say so, rather than answer "page not found" at its front door.
  if (!slug) return <NoDataYet status={await getHomeDataStatus()} />;
  const [view, wideningGaps] = await Promise.all([
    getExplorerView(laCode, slug, params.period),
    listWideningGaps(laCode),
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

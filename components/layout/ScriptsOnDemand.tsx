import { reachWatcher, SCRIPTS_ON_DEMAND_META } from "@/lib/scripts-on-demand";

/**
 * Opts a page in to loading Next's scripts only when a part marked as needing them asks (see
 * lib/scripts-on-demand.ts): when it nears the viewport, or when the reader reaches for it. Only for pages
 * that read completely without JavaScript and mark every interactive part. React hoists the <meta> into
 * <head>; the reach watcher runs where it stands, as the page is parsed, with or without the front server.
 */
export function ScriptsOnDemand() {
  return (
    <>
      <meta name={SCRIPTS_ON_DEMAND_META.name} content={SCRIPTS_ON_DEMAND_META.content} />
      <script dangerouslySetInnerHTML={{ __html: reachWatcher() }} />
    </>
  );
}

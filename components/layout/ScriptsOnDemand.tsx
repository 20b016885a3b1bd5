import { SCRIPTS_ON_DEMAND_META } from "@/lib/scripts-on-demand";

/**
 * Opts a page in to loading Next's scripts only when a part marked as needing them nears the viewport
 * (see lib/scripts-on-demand.ts). Only for pages that read completely without JavaScript and mark every
 * interactive part. React hoists the <meta> into <head>.
 */
export function ScriptsOnDemand() {
  return <meta name={SCRIPTS_ON_DEMAND_META.name} content={SCRIPTS_ON_DEMAND_META.content} />;
}

import { ExplorerRoute } from "./explorer-page";

// Generated at build time and served from the cache; regenerated when an import lands
// (app/api/revalidate) and at most a day after the last generation otherwise.
export const revalidate = 86400;

export default function HomePage() {
  return <ExplorerRoute params={{}} />;
}

import type { Metadata } from "next";
import { EmbedMapRoute, embedMapMetadata } from "./embed-map";

// /embed/map: the default view. Generated at build time and served from the cache; regenerated when an
// import lands (app/api/revalidate) and at most a day after the last generation otherwise.
export const revalidate = 86400;
export const metadata: Metadata = embedMapMetadata;

export default function EmbedMapPage() {
  return <EmbedMapRoute params={{}} />;
}

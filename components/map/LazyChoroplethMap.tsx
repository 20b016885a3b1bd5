"use client";
// Leaflet touches `window`, so the map loads in the browser only, after the page has painted.
// The space is reserved by the parent, so nothing shifts when it arrives.
import dynamic from "next/dynamic";

export const LazyChoroplethMap = dynamic(() => import("@/components/map/ChoroplethMap"), {
  ssr: false,
  // The server-drawn map is already on the page, so there is nothing to show while this loads.
  loading: () => null,
});

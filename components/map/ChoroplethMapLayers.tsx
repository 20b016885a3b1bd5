"use client";
// The explorer's map: the server-drawn choropleth (`drawn`), and the interactive Leaflet map over it once the
// reader reaches for the map (hovers, touches, zooms, tabs into or scrolls to it: components/layout/useReached.ts).
// Until then the drawn map is the map: every ward a link, named, keyboard-focusable. Leaflet and the
// boundaries download only then. When Leaflet has drawn, the drawn map leaves the tab order (it lies hidden
// underneath), and a keyboard reader who was on one of its wards is moved to the same ward on Leaflet's.
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useReached } from "@/components/layout/useReached";
import { LazyChoroplethMap } from "@/components/map/LazyChoroplethMap";
import type { MapArea } from "@/components/map/types";

export function ChoroplethMapLayers({
  drawn,
  areas,
  title,
  boundariesUrl,
}: {
  drawn: ReactNode;
  areas: MapArea[];
  title: string;
  boundariesUrl: string;
}) {
  const interactiveLayer = useRef<HTMLDivElement>(null);
  const drawnLayer = useRef<HTMLDivElement>(null);
  const reached = useReached(interactiveLayer);
  const [interactive, setInteractive] = useState(false);
  const onReady = useCallback(() => {
    const focused = document.activeElement;
    const code = drawnLayer.current?.contains(focused)
      ? focused?.closest("[data-area-code]")?.getAttribute("data-area-code")
      : null;
    // Focus moves before the drawn map becomes inert, or the browser would drop it on the page's body.
    if (code) interactiveLayer.current?.querySelector<SVGElement>(`[data-area-code="${CSS.escape(code)}"]`)?.focus();
    setInteractive(true);
  }, []);
  return (
    <>
      <div ref={drawnLayer} className="absolute inset-0 p-2 static-map" inert={interactive}>
        {drawn}
      </div>
      <div ref={interactiveLayer} className="absolute inset-0 interactive-map" data-testid="interactive-map">
        {reached && <LazyChoroplethMap areas={areas} title={title} boundariesUrl={boundariesUrl} onReady={onReady} />}
      </div>
    </>
  );
}

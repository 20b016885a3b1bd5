"use client";
// Whether the reader has reached for the part of the page an element is in (lib/scripts-on-demand.ts:
// pointed at it, touched it, turned the wheel over it, tabbed into it or scrolled it into view), as the
// reach watcher that <ScriptsOnDemand /> puts on the page reports it. On a page whose scripts load on
// demand, reaching for the part is what brought the scripts, so it is already marked when this runs.
import { useEffect, useState, type RefObject } from "react";
import {
  NEEDS_SCRIPTS_ATTRIBUTE,
  ON_REACH,
  REACHED_ATTRIBUTE,
  REACHED_EVENT,
  REACH_WATCHER_FLAG,
} from "@/lib/scripts-on-demand";

export function useReached(element: RefObject<HTMLElement | null>): boolean {
  const [reached, setReached] = useState(false);
  useEffect(() => {
    const part = element.current?.closest(`[${NEEDS_SCRIPTS_ATTRIBUTE}="${ON_REACH}"]`);
    // No part, or no watcher to report on it (a page without <ScriptsOnDemand />, reached by a client-side
    // navigation from another such page): nothing would ever say so, so it counts as reached.
    const watched = Boolean((window as unknown as Record<string, unknown>)[REACH_WATCHER_FLAG]);
    if (!part || !watched || part.hasAttribute(REACHED_ATTRIBUTE)) {
      setReached(true);
      return;
    }
    const onReached = () => setReached(true);
    part.addEventListener(REACHED_EVENT, onReached);
    return () => part.removeEventListener(REACHED_EVENT, onReached);
  }, [element]);
  return reached;
}

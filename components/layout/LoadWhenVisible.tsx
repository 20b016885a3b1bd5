"use client";
// Holds back a heavy client component (a chart library, a map) until its box comes near the viewport,
// so a page's first load pays only for what is on screen. Until then, and while its code downloads,
// `fallback` shows: server-rendered, complete without JavaScript, and what prints if the reader never
// scrolled that far. The parent gives the box its final size, so the swap moves nothing (no layout shift).
// `children` must be code-split (React.lazy or next/dynamic), or its code is in the page bundle anyway.
import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";

/** Start loading this far ahead of the viewport, so a reader scrolling down rarely sees the swap. */
const LOAD_AHEAD = "400px";

export function LoadWhenVisible({
  fallback,
  children,
  rootMargin = LOAD_AHEAD,
}: {
  fallback: ReactNode;
  children: ReactNode;
  rootMargin?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return (
    <div ref={box} className="h-full w-full" data-loaded={near || undefined}>
      {near ? <Suspense fallback={fallback}>{children}</Suspense> : fallback}
    </div>
  );
}

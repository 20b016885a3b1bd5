"use client";
// Keyboard control for committee slides: → / PageDown / Space next, ← / PageUp previous.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function SlideKeys({ previous, next }: { previous?: string; next?: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (next && ["ArrowRight", "PageDown", " "].includes(event.key)) {
        event.preventDefault();
        router.push(next);
      } else if (previous && ["ArrowLeft", "PageUp"].includes(event.key)) {
        event.preventDefault();
        router.push(previous);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, previous, next]);
  return null;
}

import type { ReactNode } from "react";

/**
 * Lets a wide table scroll sideways inside the page on a phone instead of widening the page.
 * The scroll box is focusable so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

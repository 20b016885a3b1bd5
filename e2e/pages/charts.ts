import { expect, type Locator } from "@playwright/test";

/** Class of the element Recharts wraps every chart in: present once the interactive chart has loaded. */
export const INTERACTIVE_CHART = ".recharts-wrapper";
/** Hydration, then the chart's code, then its first render: longer than one step on a busy test machine. */
const LOAD_TIMEOUT = 15_000;

/**
 * Charts load their interactive (Recharts) version only when they near the viewport: scrolls the
 * chart's box into view and waits until that version has replaced the server-drawn figure.
 */
export async function showInteractiveChart(box: Locator): Promise<void> {
  // Retried as a whole: a page whose hydration fails re-renders on the client, which can detach the box
  // while it is being scrolled to; e2e/hydration.spec.ts is what catches such a failure.
  await expect(async () => {
    await box.scrollIntoViewIfNeeded();
    await expect(box.locator(INTERACTIVE_CHART)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: LOAD_TIMEOUT });
}

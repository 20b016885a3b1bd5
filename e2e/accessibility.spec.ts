import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const path of [
  "/",
  "/?indicator=bad-health&mode=compare",
  "/indicators/formal-volunteering",
  "/areas/E05010807",
  "/search?q=orton",
]) {
  test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    // Check the page as people get it: with the map and chart loaded.
    if (path.startsWith("/areas") || path.startsWith("/indicators")) {
      await expect(page.locator(".recharts-surface").first()).toBeVisible();
    } else if (path.startsWith("/?") || path === "/") {
      await expect(page.locator("path.ward-shape").first()).toBeVisible({ timeout: 15_000 });
    }
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

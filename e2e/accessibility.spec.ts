import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ExplorerPage } from "./pages/explorer-page";
import { IndicatorPage } from "./pages/indicator-page";
import { WCAG_22_AA } from "./support/axe";
import { WardPage } from "./pages/ward-page";

for (const path of [
  "/",
  "/?indicator=bad-health&mode=compare",
  "/indicators/formal-volunteering",
  "/areas/E05010807",
  "/search?q=orton",
]) {
  test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    // Check the page as people get it: with the map and the charts loaded (charts load as they are scrolled to).
    if (path.startsWith("/areas")) {
      await new WardPage(page).showInteractiveTrendChart();
    } else if (path.startsWith("/indicators")) {
      await new IndicatorPage(page).showInteractiveCharts();
    } else if (path.startsWith("/?") || path === "/") {
      await new ExplorerPage(page).waitForMap(22);
    }
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

test("axe finds no WCAG 2.2 A/AA violations on the home page as it arrives, before any script", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("map").locator("svg a")).toHaveCount(22);
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  // What axe checked was the drawn map: nothing had reached for it.
  await expect(page.locator(".leaflet-container")).toHaveCount(0);
});

test("axe finds no WCAG 2.2 A/AA violations in the server-drawn trend figure shown before the chart loads", async ({
  page,
}) => {
  const ward = new WardPage(page);
  await ward.goto("E05010807");
  await expect(ward.staticTrendChart).toBeAttached();
  const results = await new AxeBuilder({ page }).include('[data-testid="trend-chart"]').withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  // The figure was what axe checked: the interactive chart had not replaced it.
  await expect(ward.staticTrendChart).toBeAttached();
});

import { expect, test, type Page } from "@playwright/test";
import { INTERACTIVE_CHART } from "./pages/charts";
import { IndicatorPage } from "./pages/indicator-page";
import { WardPage } from "./pages/ward-page";

/** Bodies of every script the page downloads, to tell whether the Recharts code has arrived. */
function watchScripts(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().catch(() => ""));
  });
  return () => Promise.all(bodies);
}

/** Recharts' code names its wrapper class; no other script on our pages does. */
const hasRechartsCode = (scripts: string[]) => scripts.some((body) => body.includes("recharts-wrapper"));

/** Where an element is on the page (not in the viewport), and its size. */
function placeOf(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top + window.scrollY, height: box.height, width: box.width };
  });
}

test("a ward page loads Recharts only when its trend chart nears the viewport, and the swap moves nothing", async ({
  page,
}) => {
  const scripts = watchScripts(page);
  const ward = new WardPage(page);
  await ward.goto("E05010805", "?indicator=formal-volunteering");
  await ward.expectLoaded("Barnack");
  await page.waitForLoadState("networkidle");
  // The chart is far below the first screen: the server-drawn figure is there, Recharts is not.
  expect(await ward.trendChart.evaluate((box) => box.getBoundingClientRect().top - window.innerHeight)).toBeGreaterThan(
    500,
  );
  await expect(ward.staticTrendChart).toBeVisible();
  await expect(page.locator(INTERACTIVE_CHART)).toHaveCount(0);
  expect(hasRechartsCode(await scripts())).toBe(false);
  const chartBefore = await placeOf(page, "trend-chart");
  const tableBefore = await placeOf(page, "trend-table");

  await ward.showInteractiveTrendChart();
  expect(hasRechartsCode(await scripts())).toBe(true);
  // Replaced in place: the interactive chart took the figure's box, and what follows it did not move
  // relative to it. (Page positions themselves change as sections above, skipped until near
  // (content-visibility), are rendered on the way down.)
  await expect(ward.staticTrendChart).toHaveCount(0);
  await expect(ward.wardLinePoints().first()).toBeVisible();
  const chartAfter = await placeOf(page, "trend-chart");
  const tableAfter = await placeOf(page, "trend-table");
  expect({ width: chartAfter.width, height: chartAfter.height }).toEqual({
    width: chartBefore.width,
    height: chartBefore.height,
  });
  expect(tableAfter.top - chartAfter.top).toBe(tableBefore.top - chartBefore.top);
  expect({ width: tableAfter.width, height: tableAfter.height }).toEqual({
    width: tableBefore.width,
    height: tableBefore.height,
  });
});

test("an indicator page loads Recharts only when its charts are scrolled to", async ({ page }) => {
  const scripts = watchScripts(page);
  const indicatorPage = new IndicatorPage(page);
  await indicatorPage.goto("formal-volunteering");
  await page.waitForLoadState("networkidle");
  await expect(page.locator(INTERACTIVE_CHART)).toHaveCount(0);
  await expect(indicatorPage.siiChart.getByTestId("static-trend-chart")).toBeVisible();
  expect(hasRechartsCode(await scripts())).toBe(false);
  await indicatorPage.showInteractiveCharts();
  expect(hasRechartsCode(await scripts())).toBe(true);
});

test("without JavaScript, and in print, the trend chart is the server-drawn figure", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const ward = new WardPage(page);
  await ward.goto("E05010805", "?indicator=formal-volunteering");
  await ward.trendChart.scrollIntoViewIfNeeded();
  for (const media of ["screen", "print"] as const) {
    await page.emulateMedia({ media });
    await expect(ward.staticTrendChart, media).toBeVisible();
    // Named for screen readers by what it shows, and drawn: one marker per period with a figure.
    await expect(ward.staticTrendChart, media).toHaveAccessibleName(/^Line chart of .*Barnack and Peterborough/);
    const markers = await ward.staticTrendChart.locator('[data-series="area"] [data-part="markers"]').getAttribute("d");
    const periodsWithFigures = await ward.trendTableRows.evaluateAll(
      (rows) => rows.filter((row) => /\d/.test(row.querySelector("td")?.textContent ?? "")).length,
    );
    expect(periodsWithFigures).toBeGreaterThanOrEqual(2);
    expect((markers ?? "").match(/M/g)).toHaveLength(periodsWithFigures);
    const size = await ward.staticTrendChart.boundingBox();
    expect(size!.height, media).toBeGreaterThan(100);
  }
  await expect(page.locator(INTERACTIVE_CHART)).toHaveCount(0);
  await context.close();
});

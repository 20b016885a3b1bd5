import { expect, test } from "@playwright/test";
import { WardPage } from "./pages/ward-page";
import { queryDatabase } from "./support/database";

test("a ward page compares every indicator with Peterborough and lists its assets", async ({ page }) => {
  const ward = new WardPage(page);
  await ward.goto("E05010807");
  await ward.expectLoaded("Central");
  const indicators = await queryDatabase<{ slug: string }>(`SELECT slug FROM "Indicator"`);
  for (const { slug } of indicators) {
    await expect(page.locator(`tr[data-indicator="${slug}"]`)).toHaveCount(1);
  }
  const assets = (
    await queryDatabase<{ n: number }>(`SELECT COUNT(*) AS n FROM "Asset" WHERE "areaCode" = 'E05010807'`)
  )[0]!.n;
  expect(assets).toBeGreaterThan(0);
  await expect(ward.assetList.locator("li")).toHaveCount(assets);
  await expect(ward.assetList.getByText("Synthetic data")).toBeVisible();
});

test("the trend chart draws one point per period on the ward's line", async ({ page }) => {
  const ward = new WardPage(page);
  await ward.goto("E05010805", "?indicator=formal-volunteering");
  await ward.expectLoaded("Barnack");
  const periods = await queryDatabase<{ period: string }>(
    `SELECT DISTINCT period FROM "Observation" WHERE "indicatorSlug" = 'formal-volunteering' AND "areaCode" = 'E05010805'
     AND "group" = 'all' AND value IS NOT NULL ORDER BY period`,
  );
  expect(periods.length).toBeGreaterThanOrEqual(5);
  await ward.showInteractiveTrendChart();
  await expect(ward.trendChart.locator(".trend-area path.recharts-curve")).toHaveCount(1);
  await expect(ward.wardLinePoints()).toHaveCount(periods.length);
  await expect(ward.trendTableRows).toHaveCount(periods.length);
});

test("unknown or malformed area codes and indicators are 404 pages, not errors", async ({ page }) => {
  for (const path of [
    "/areas/E05999999",
    "/areas/not-a-code",
    "/areas/E06000031", // a local authority, not a ward
    "/areas/E05010805?indicator=no-such-indicator",
    "/?indicator=no-such-indicator",
    "/?indicator=%3Cscript%3E",
    "/?period=1999",
    "/no-such-page",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
  }
});

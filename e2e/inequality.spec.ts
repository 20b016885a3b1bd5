import { expect, test } from "@playwright/test";
import { IndicatorPage } from "./pages/indicator-page";

test("an indicator page charts the SII with one point per period, and its table equals the API", async ({
  page,
  request,
}) => {
  const api = (await (await request.get("/api/v1/indicators/formal-volunteering/inequality")).json()) as {
    data: {
      period: string;
      sii: number;
      sii_lower: number;
      sii_upper: number;
      rii: number | null;
      wards_used: number;
    }[];
    meta: { trend: { sentence: string | null }; synthetic: boolean };
  };
  const indicatorPage = new IndicatorPage(page);
  await indicatorPage.goto("formal-volunteering");
  const section = page.getByTestId("inequality");
  await expect(section.getByRole("heading", { name: "How even is it?" })).toBeVisible();
  await expect(section.getByText("Synthetic data").first()).toBeVisible();
  if (api.meta.trend.sentence) await expect(page.getByTestId("gap-sentence")).toHaveText(api.meta.trend.sentence);
  // One point per period on the SII line.
  await indicatorPage.showInteractiveSiiChart();
  await expect(indicatorPage.siiChart.locator("circle.trend-area-dot")).toHaveCount(api.data.length);
  // The table twin: same periods, same SII and interval (to the 2 decimals shown).
  const rows = page.getByTestId("sii-table").locator("tbody tr");
  await expect(rows).toHaveCount(api.data.length);
  for (const [i, row] of api.data.entries()) {
    const cells = rows.nth(i).locator("th, td");
    await expect(cells.nth(0)).toHaveText(row.period);
    await expect(cells.nth(2)).toHaveText(row.sii.toFixed(2));
    await expect(cells.nth(3)).toHaveText(`${row.sii_lower.toFixed(2)} to ${row.sii_upper.toFixed(2)}`);
    await expect(cells.nth(5)).toHaveText(String(row.wards_used));
  }
  // The scatter shows every ward with a figure and the fitted line.
  await expect(page.getByTestId("inequality-scatter").locator("circle.ward-dot")).toHaveCount(
    api.data.at(-1)!.wards_used,
  );
  await expect(page.getByTestId("inequality-scatter").locator("line.sii-line")).toHaveCount(1);
});

test("census indicators have one period and no interval: the page says the trend cannot be told", async ({ page }) => {
  await page.goto("/indicators/bad-health");
  await expect(page.getByTestId("gap-sentence")).toContainText("not enough periods");
  await expect(page.getByTestId("sii-table").locator("tbody tr")).toHaveCount(1);
});

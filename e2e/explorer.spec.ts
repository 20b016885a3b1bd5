import { expect, test } from "@playwright/test";
import { ExplorerPage } from "./pages/explorer-page";
import { queryDatabase } from "./support/database";

const wardCount = async () =>
  (
    await queryDatabase<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "Area" WHERE type = 'ward' AND "parentCode" = 'E06000031' AND "successorCode" IS NULL`,
    )
  )[0]!.n;

test("the home map draws exactly one shape per ward in the database", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  const expected = await wardCount();
  expect(expected).toBe(22);
  await explorer.waitForMap(expected);
  // Each shape is a ward we hold, once.
  const codes = await explorer.wardShapes.evaluateAll((paths) => paths.map((p) => p.getAttribute("data-area-code")));
  const dbCodes = (
    await queryDatabase<{ code: string }>(
      `SELECT code FROM "Area" WHERE type = 'ward' AND "successorCode" IS NULL ORDER BY code`,
    )
  ).map((r) => r.code);
  expect([...codes].sort()).toEqual(dbCodes);
});

test("the ranking starts with the ward with the lowest value, as stored", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto("?indicator=bad-health");
  const values = await explorer.rankingValues();
  const numbers = values.filter((v): v is number => v !== null);
  expect(numbers.length).toBe(await wardCount());
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  const lowest = (
    await queryDatabase<{ areaCode: string; value: number }>(
      `SELECT o."areaCode", o.value FROM "Observation" o JOIN "Area" a ON a.code = o."areaCode"
     WHERE o."indicatorSlug" = 'bad-health' AND o."group" = 'all' AND a.type = 'ward' AND o.value IS NOT NULL
     ORDER BY o.value ASC LIMIT 1`,
    )
  )[0]!;
  await expect(explorer.rankingRows.first()).toHaveAttribute("data-area-code", lowest.areaCode);
  expect(numbers[0]).toBeCloseTo(lowest.value, 6);
});

test("choosing an indicator and period puts them in the URL, and the link reproduces the view", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  await explorer.chooseIndicator("Belonging (synthetic)");
  await expect(page).toHaveURL(/indicator=belonging/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("belong");
  await expect(page.getByText("Synthetic data").first()).toBeVisible();
  await page.getByLabel("Period", { exact: true }).selectOption("2022");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=2022/);
  const url = page.url();
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading!);
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("2022");
});

test("clicking a ward on the map opens its page", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  await explorer.waitForMap(await wardCount());
  const shape = explorer.map.locator('path.ward-shape[data-area-code="E05010807"]');
  await shape.click();
  await expect(page).toHaveURL(/\/areas\/E05010807/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Central");
});

test("a ward on the map is reachable by keyboard and opens with Enter", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  await explorer.waitForMap(await wardCount());
  const shape = explorer.map.locator('path.ward-shape[data-area-code="E05010805"]');
  await shape.focus();
  await expect(page.locator(".leaflet-tooltip")).toContainText("Barnack");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/areas\/E05010805/);
});

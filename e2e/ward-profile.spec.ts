import { expect, test } from "@playwright/test";
import { changeDatabase } from "./support/database";
import { WardPage } from "./pages/ward-page";

test("summary sentences come only from significant differences, on the right side", async ({ page }) => {
  const ward = new WardPage(page);
  let sentences = 0;
  for (const code of ["E05010807", "E05010817", "E05010820", "E05010810"]) {
    await ward.goto(code);
    const summary = page.getByTestId("ward-summary");
    for (const [side, rating] of [
      ["Strengths", "better"],
      ["Gaps", "worse"],
    ] as const) {
      const slugs = await summary
        .locator("div", { has: page.getByRole("heading", { name: side }) })
        .locator("li[data-slug]")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-slug")!));
      for (const slug of slugs) {
        await expect(page.locator(`tr[data-indicator="${slug}"]`), `${code} ${slug}`).toHaveAttribute(
          "data-rating",
          rating,
        );
        sentences++;
      }
    }
  }
  expect(sentences).toBeGreaterThan(0);
});

test("every significance label on a ward page agrees with its interval and the benchmark", async ({ page }) => {
  const ward = new WardPage(page);
  await ward.goto("E05010817");
  const rows = await page.locator("tr[data-indicator]").evaluateAll((trs) =>
    trs.map((tr) => ({
      slug: tr.getAttribute("data-indicator"),
      significance: tr.getAttribute("data-significance"),
      lower: tr.getAttribute("data-lower"),
      upper: tr.getAttribute("data-upper"),
      benchmark: tr.getAttribute("data-benchmark"),
    })),
  );
  let tested = 0;
  for (const row of rows) {
    if (!row.lower || !row.upper || !row.benchmark) {
      expect(row.significance, row.slug!).toBe("not-compared");
      continue;
    }
    const [lower, upper, benchmark] = [Number(row.lower), Number(row.upper), Number(row.benchmark)];
    const expected = lower > benchmark ? "higher" : upper < benchmark ? "lower" : "similar";
    expect(row.significance, row.slug!).toBe(expected);
    tested++;
  }
  expect(tested).toBeGreaterThanOrEqual(10);
});

test("the ward page reads without JavaScript: figures, trend table, assets", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/areas/E05010805?indicator=belonging");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Barnack");
  await expect(page.locator("tr[data-indicator]")).toHaveCount(23);
  await expect(page.getByTestId("trend-table").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("asset-map").locator('svg[role="img"]').first()).toBeVisible();
  await expect(page.getByTestId("group-breakdown").locator("tbody tr")).toHaveCount(3);
  await context.close();
});

test("similar wards link to their pages", async ({ page }) => {
  const ward = new WardPage(page);
  await ward.goto("E05010807");
  const links = page.getByTestId("similar-wards").getByRole("link");
  await expect(links).toHaveCount(4);
  await links.first().click();
  await expect(page).toHaveURL(/\/areas\/E05\d{6}/);
});

test("a ward code retired by a boundary change says so and links to its successor", async ({ page }) => {
  // A former ward, as a boundary-change import would record it.
  await changeDatabase(
    `INSERT INTO "Area" (code, name, type, "parentCode", "successorCode") VALUES ('E05999001', 'Old Central', 'ward', 'E06000031', 'E05010807')
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, "successorCode" = excluded."successorCode"`,
  );
  const response = await page.goto("/areas/E05999001");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("retired-area")).toContainText("no longer exists");
  await page.getByRole("link", { name: /Central \(E05010807\)/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Central");
  // The retired code is not drawn or ranked as a current ward.
  await page.goto("/");
  await expect(page.getByTestId("ward-ranking").locator("tbody tr")).toHaveCount(22);
});

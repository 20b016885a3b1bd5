// The explorer's promises to its users: legend, keyboard, table = tooltips, significance, URL state.
import { expect, test } from "@playwright/test";
import { ExplorerPage } from "./pages/explorer-page";

test("every legend class counts exactly the wards drawn in its colour", async ({ page }) => {
  for (const query of ["", "?indicator=bad-health&classes=natural-breaks", "?mode=compare"]) {
    const explorer = new ExplorerPage(page);
    await explorer.goto(query);
    await explorer.waitForMap(22);
    const fills = await explorer.wardShapes.evaluateAll((paths) =>
      paths.map((p) => p.getAttribute("fill")?.toLowerCase()),
    );
    const entries = await page
      .getByTestId("map-legend")
      .locator("li")
      .evaluateAll((items) =>
        items.map((li) => ({
          colour: li.getAttribute("data-colour")!.toLowerCase(),
          count: Number(/\((\d+) wards?\)/.exec(li.textContent ?? "")?.[1]),
        })),
      );
    expect(entries.length, query).toBeGreaterThan(1);
    for (const entry of entries) {
      expect(fills.filter((f) => f === entry.colour).length, `${query} ${entry.colour}`).toBe(entry.count);
    }
    // Every ward is in some legend entry.
    expect(
      entries.reduce((sum, e) => sum + e.count, 0),
      query,
    ).toBe(22);
  }
});

test("the table's figures equal the map's tooltip figures, ward by ward", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto("?indicator=belonging&mode=compare");
  await explorer.waitForMap(22);
  const labels = await explorer.wardShapes.evaluateAll((paths) =>
    Object.fromEntries(paths.map((p) => [p.getAttribute("data-area-code"), p.getAttribute("aria-label") ?? ""])),
  );
  const rows = await explorer.rankingRows.evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute("data-area-code")!,
      comparison: tr.getAttribute("data-comparison"),
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()),
    })),
  );
  expect(rows).toHaveLength(22);
  for (const { code, cells, comparison } of rows) {
    const [rank, value, interval] = cells;
    const label = labels[code]!;
    if (value === "Suppressed") {
      expect(label).toContain("suppressed");
      continue;
    }
    expect(label, code).toContain(value!);
    expect(label, code).toContain(interval!);
    expect(label, code).toContain(`rank ${rank} of 22`);
    if (comparison && comparison !== "not-compared") expect(label.toLowerCase(), code).toContain(`${comparison} `);
  }
  // The tooltip shows the same text when a ward is focused.
  const first = rows[0]!;
  await explorer.map.locator(`path.ward-shape[data-area-code="${first.code}"]`).focus();
  await expect(page.locator(".leaflet-tooltip")).toHaveText(labels[first.code]!);
});

test("each significance label agrees with the interval and the benchmark shown", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto("?indicator=formal-volunteering&mode=compare");
  const benchmark = Number(
    /Peterborough: ([\d.]+)%/.exec((await page.getByTestId("ward-ranking").locator("caption").textContent())!)![1],
  );
  const rows = await explorer.rankingRows.evaluateAll((trs) =>
    trs.map((tr) => ({
      comparison: tr.getAttribute("data-comparison"),
      interval: tr.querySelectorAll("td")[2]!.textContent!,
    })),
  );
  let tested = 0;
  for (const { comparison, interval } of rows) {
    const match = /([\d.]+)% to ([\d.]+)%/.exec(interval);
    if (!match) continue;
    const [lower, upper] = [Number(match[1]), Number(match[2])];
    // Higher is better here: better = the whole interval above the benchmark, worse = below.
    const expected = lower > benchmark ? "better" : upper < benchmark ? "worse" : "similar";
    expect(comparison, interval).toBe(expected);
    tested++;
  }
  expect(tested).toBeGreaterThan(15);
});

test("the whole view is in the URL: a copied link reproduces it, and the form keeps it", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const query =
    "?indicator=chronic-loneliness&period=2023&mode=compare&classes=natural-breaks&from=E05010820&sort=name";
  await explorer.goto(query);
  await expect(page.getByLabel("Indicator", { exact: true })).toHaveValue("chronic-loneliness");
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("2023");
  await expect(page.getByLabel("Comparison with benchmark")).toBeChecked();
  await expect(page.getByLabel("Classes", { exact: true })).toHaveValue("natural-breaks");
  await expect(page.getByTestId("ward-ranking")).toHaveAttribute("data-sort", "name");
  await expect(explorer.rankingRows.first().locator("th a")).toHaveText("Barnack");
  await expect(page.locator('tr[aria-current="true"]')).toHaveAttribute("data-area-code", "E05010820");
  // Submitting the form unchanged lands on the same state.
  await page.getByRole("button", { name: "Show" }).click();
  const params = new URL(page.url()).searchParams;
  expect(params.get("indicator")).toBe("chronic-loneliness");
  expect(params.get("period")).toBe("2023");
  expect(params.get("mode")).toBe("compare");
  expect(params.get("classes")).toBe("natural-breaks");
  expect(params.get("from")).toBe("E05010820");
});

test("a keyboard alone gets from the home page to a ward page", async ({ page }) => {
  await page.goto("/");
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href"));
    if (href?.startsWith("/areas/")) break;
  }
  const target = await page.evaluate(() => document.activeElement?.getAttribute("href"));
  expect(target).toMatch(/^\/areas\/E05\d{6}/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(target!.replace("?", "\\?")));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("search finds a ward by part of its name, and an exact name goes straight there", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Find a ward").fill("water");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("search-results").getByRole("link")).toHaveText(["Orton Waterville"]);
  await page.getByTestId("search-results").getByRole("link", { name: "Orton Waterville" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orton Waterville");
  await page.goto("/search?q=central");
  await expect(page).toHaveURL(/\/areas\/E05010807/);
  await page.goto("/search?q=PE1%201AB");
  await expect(page.getByText("postcode lookup")).toBeVisible();
  await page.goto(`/search?q=${"x".repeat(150)}`);
  await expect(page.getByRole("alert").filter({ hasText: "at most 100 characters" })).toBeVisible();
});

test("without JavaScript the explorer still shows a map of links and the full table", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/?indicator=bad-health");
  const staticLinks = page.getByTestId("map").locator("svg a");
  await expect(staticLinks).toHaveCount(22);
  await expect(page.getByTestId("ward-ranking").locator("tbody tr")).toHaveCount(22);
  await context.close();
});

import { expect, test, type Page } from "@playwright/test";
import { INTERACTIVE_CHART } from "./pages/charts";
import { WardPage } from "./pages/ward-page";

// Reading pages (ward, indicator) load Next's scripts only when the reader nears a part that needs them
// (lib/scripts-on-demand.ts, applied by the front server that `npm start` runs). These journeys check it
// on the real build: nothing before, everything after, and the page hydrating cleanly when it comes.

const FRAMEWORK_SCRIPT = /\/_next\/static\/chunks\/.+\.js$/;

/** The framework scripts the page has requested so far, and the errors it has thrown or logged. */
function watch(page: Page) {
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    if (FRAMEWORK_SCRIPT.test(new URL(request.url()).pathname)) scripts.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { scripts, errors };
}

test.use({ viewport: { width: 412, height: 823 } });

test("a ward page reads with no script files until the reader nears its chart, then hydrates cleanly", async ({
  page,
  baseURL,
}) => {
  const seen = watch(page);
  const ward = new WardPage(page);
  const response = await ward.goto("E05010805");
  const html = await response!.text();
  expect(html).not.toMatch(/<script src=/);
  expect(html).not.toMatch(/rel="preload" as="script"/);
  // The React Server Components payload is there for hydration, but inert until then.
  expect(html).toMatch(/<script type="[^"]+">self\.__next_f\.push/);
  expect(html).not.toMatch(/<script>[^<]*__next_f/);
  await ward.expectLoaded("Barnack");
  await page.waitForLoadState("networkidle");
  // The whole first screen is there and working without them: summary, links, search.
  await expect(page.getByRole("heading", { level: 2, name: /at a glance/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /All Peterborough wards/ })).toHaveAttribute("href", /\/\?indicator=/);
  expect(seen.scripts).toEqual([]);
  await expect(page.locator(INTERACTIVE_CHART)).toHaveCount(0);

  // Nearing the trend chart brings the scripts, the page hydrates, and the interactive chart replaces the
  // drawn one. The embed code, which needs JavaScript for the site's address, now shows it.
  await ward.showInteractiveTrendChart();
  expect(seen.scripts.length).toBeGreaterThan(0);
  await page.getByTestId("share-embed").getByText("Share or embed").click();
  await expect(page.getByTestId("share-embed").locator("textarea")).toHaveValue(
    new RegExp(`^<iframe src="${baseURL}/embed/trend\\?area=E05010805`),
  );
  expect(seen.errors).toEqual([]);
});

test("after the scripts arrive, links navigate in the page as Next's router does", async ({ page }) => {
  const ward = new WardPage(page);
  await ward.goto("E05010805");
  await ward.showInteractiveTrendChart();
  // A client-side navigation keeps the window's state; a full page load would reset it.
  await page.evaluate(() => ((window as unknown as { keptAcrossNavigation: boolean }).keptAcrossNavigation = true));
  await page.getByTestId("similar-wards").getByRole("link").first().click();
  await expect(ward.heading).not.toHaveText("Barnack");
  expect(
    await page.evaluate(() => (window as unknown as { keptAcrossNavigation?: boolean }).keptAcrossNavigation),
  ).toBe(true);
});

test("a page that needs its scripts from the start (the explorer's map) loads them at once", async ({ page }) => {
  const seen = watch(page);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(seen.scripts.length).toBeGreaterThan(0);
  await expect(page.locator(".leaflet-container")).toBeVisible();
});

import { expect, test, type Page } from "@playwright/test";
import { ExplorerPage } from "./pages/explorer-page";
import { IndicatorPage } from "./pages/indicator-page";
import { WardPage } from "./pages/ward-page";

// Hydration on the production build: when Next's scripts arrive, React must adopt the server's HTML as it is.
// A mismatch (React error #418 in the production build) makes React throw that HTML away and render the page
// again on the client: the reader's scroll position and focus can jump, and the page costs its work twice.
// The production build reports it only as a page error, so these journeys listen for errors while each kind
// of page hydrates, and on the pages whose scripts load on demand they check that the server's elements survive.

/** Every error the page throws or logs, from now on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/**
 * Tags the page's main heading before the scripts load; true afterwards if it is still the same element,
 * which is so only when React hydrated the server's HTML instead of replacing it.
 */
async function tagServerHeading(page: Page): Promise<() => Promise<boolean>> {
  // A property, not an attribute: React neither sees nor copies it, so only the original element has it.
  type Tagged = Element & { serverRendered?: boolean };
  const heading = page.getByRole("heading", { level: 1 });
  await heading.evaluate((element: Tagged) => (element.serverRendered = true));
  return () => heading.evaluate((element: Tagged) => element.serverRendered === true);
}

test("the home page hydrates its server HTML without errors when the reader reaches for the map", async ({ page }) => {
  const errors = collectErrors(page);
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  const headingSurvived = await tagServerHeading(page);
  // The Leaflet map is drawn by client code after hydration: once it is there, the page has hydrated.
  await explorer.waitForMap(22);
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
  expect(await headingSurvived()).toBe(true);
});

test("a ward page hydrates its server HTML without errors when its scripts arrive", async ({ page }) => {
  const errors = collectErrors(page);
  const ward = new WardPage(page);
  await ward.goto("E05010807");
  const headingSurvived = await tagServerHeading(page);
  await ward.showInteractiveTrendChart();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
  expect(await headingSurvived()).toBe(true);
});

test("an indicator page hydrates its server HTML without errors when its scripts arrive", async ({ page }) => {
  const errors = collectErrors(page);
  const indicator = new IndicatorPage(page);
  await indicator.goto("formal-volunteering");
  // Where this page's server HTML once differed from the client's: the fitted line's tooltip came out empty.
  await expect(page.getByTestId("inequality-scatter").locator("line.sii-line title")).not.toBeEmpty();
  const headingSurvived = await tagServerHeading(page);
  await indicator.showInteractiveCharts();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
  expect(await headingSurvived()).toBe(true);
});

import { expect, test, type Page } from "@playwright/test";
import { INTERACTIVE_CHART } from "./pages/charts";
import { ExplorerPage } from "./pages/explorer-page";
import { WardPage } from "./pages/ward-page";
import { DEMO_LA } from "../lib/demo-data/demo-area";
import { queryDatabase } from "./support/database";

// Reading pages (ward, indicator, home) load Next's scripts only when the reader nears a part that needs them
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

/** The home authority's current wards, as the database has them: what the drawn and Leaflet maps show. */
let wards = 0;
test.beforeAll(async () => {
  const [row] = await queryDatabase<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM "Area" WHERE "type" = 'ward' AND "parentCode" = ? AND "successorCode" IS NULL`,
    DEMO_LA.code,
  );
  wards = Number(row!.n);
  expect(wards).toBeGreaterThan(1);
});

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

// The home page: its map is on the first screen, there to be looked at. The server-drawn map, its legend and
// the ranking are the page; the scripts, Leaflet and the boundaries load when the reader reaches for the map.

/** Requests for Leaflet's boundaries, which only the interactive map fetches. */
const BOUNDARIES = /\/api\/v1\/boundaries\//;

/** Opens the home page and lets it settle, watching what it requests; no script file has come. */
async function arriveAtHome(page: Page) {
  const seen = watch(page);
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  await page.waitForLoadState("networkidle");
  expect(seen.scripts, "no script file on arrival").toEqual([]);
  return { seen, explorer };
}

test("the home page reads with no script until the reader points at the map; then Leaflet draws it and works", async ({
  page,
}) => {
  const seen = watch(page);
  const boundaries: string[] = [];
  page.on("request", (request) => {
    if (BOUNDARIES.test(request.url())) boundaries.push(request.url());
  });
  const response = await page.goto("/");
  const html = await response!.text();
  expect(html).not.toMatch(/<script src=/);
  expect(html).not.toMatch(/rel="preload" as="script"/);
  const explorer = new ExplorerPage(page);
  await page.waitForLoadState("networkidle");
  // Everything a reader needs is there, working, before any script: the drawn map of links, the legend,
  // the ranking, the picker (a plain form).
  await expect(explorer.map.locator("svg a")).toHaveCount(wards);
  await expect(page.getByTestId("map-legend")).toBeVisible();
  await expect(explorer.rankingRows).toHaveCount(wards);
  await expect(page.getByRole("button", { name: "Show" })).toBeEnabled();
  expect(seen.scripts).toEqual([]);
  expect(boundaries).toEqual([]);
  await expect(page.locator(".leaflet-container")).toHaveCount(0);

  await explorer.waitForMap(wards);
  expect(seen.scripts.length).toBeGreaterThan(0);
  expect(boundaries).toHaveLength(1);
  // Leaflet's map is the one on screen now: hovering a ward shows its figure, clicking it opens its page in
  // this page, as Next's router does.
  await page.evaluate(() => ((window as unknown as { keptAcrossNavigation: boolean }).keptAcrossNavigation = true));
  const ward = explorer.map.locator('path.ward-shape[data-area-code="E05010807"]');
  await ward.hover();
  await expect(page.locator(".leaflet-tooltip")).toContainText("Central");
  await ward.click();
  await expect(page).toHaveURL(/\/areas\/E05010807/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Central");
  expect(
    await page.evaluate(() => (window as unknown as { keptAcrossNavigation?: boolean }).keptAcrossNavigation),
  ).toBe(true);
  expect(seen.errors).toEqual([]);
});

test("a keyboard reader who tabs into the drawn map gets Leaflet's, on the same ward, and the drawn one leaves the tab order", async ({
  page,
}) => {
  const seen = watch(page);
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  await page.getByRole("link", { name: /Skip the map/ }).focus();
  await page.keyboard.press("Tab");
  const drawnWard = await page.evaluate(() => document.activeElement?.getAttribute("data-area-code"));
  expect(drawnWard).toMatch(/^E05\d{6}$/);
  await expect(explorer.wardShapes).toHaveCount(wards, { timeout: 15_000 });
  // Focus is on the same ward, on the interactive map, which names it.
  await expect(explorer.map.locator(`path.ward-shape[data-area-code="${drawnWard}"]`)).toBeFocused();
  await expect(page.locator(".leaflet-tooltip")).toBeVisible();
  // The drawn map beneath is out of the tab order (it would take focus out of sight) and of the accessibility tree.
  expect(await explorer.map.locator(".static-map").evaluate((layer) => (layer as HTMLElement).inert)).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/areas/${drawnWard}`));
  expect(seen.errors).toEqual([]);
});

test("each way of reaching for the map brings the scripts: pointer, touch, wheel and focus", async ({ context }) => {
  for (const event of ["pointerover", "pointerdown", "touchstart", "wheel", "focusin"]) {
    const page = await context.newPage();
    const { seen, explorer } = await arriveAtHome(page);
    await explorer.map.locator("svg").dispatchEvent(event, { bubbles: true });
    await expect(explorer.map, event).toHaveAttribute("data-reached", "");
    await expect(explorer.wardShapes, event).toHaveCount(wards, { timeout: 15_000 });
    expect(seen.scripts.length, event).toBeGreaterThan(0);
    await page.close();
  }
});

test.describe("on a phone", () => {
  const viewport = { width: 412, height: 823 };
  test.use({ viewport, hasTouch: true, isMobile: true });

  /** Scrolls so that `visible` pixels of the map's top show at the bottom of the screen. */
  async function showTopOfMap(explorer: ExplorerPage, visible: number) {
    const top = await explorer.map.evaluate((map) => map.getBoundingClientRect().top + window.scrollY);
    await explorer.page.evaluate((y) => window.scrollTo(0, y), Math.max(0, top - viewport.height + visible));
    // Two frames and a task: the scroll is laid out and any intersection it caused has been delivered.
    await explorer.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))),
    );
  }

  // The map starts just below the first screen of a phone (after the title and the picker).
  test("the map waits until the reader scrolls it into view; a little scrolling is not reaching for it", async ({
    page,
  }) => {
    const { seen, explorer } = await arriveAtHome(page);
    await showTopOfMap(explorer, 100);
    expect(seen.scripts).toEqual([]);
    await expect(explorer.map).not.toHaveAttribute("data-reached");
    await showTopOfMap(explorer, 400);
    await expect(explorer.wardShapes).toHaveCount(wards, { timeout: 15_000 });
    expect(seen.scripts.length).toBeGreaterThan(0);
  });
});

import { expect, type Locator, type Page } from "@playwright/test";

/** The home page: map, legend, indicator picker and ranked table. */
export class ExplorerPage {
  readonly map: Locator;
  readonly wardShapes: Locator;
  readonly rankingRows: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByTestId("map");
    this.wardShapes = this.map.locator("path.ward-shape");
    this.rankingRows = page.getByTestId("ward-ranking").locator("tbody tr");
  }

  async goto(query = "") {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /**
   * Reaches for the map as a reader with a mouse does, by pointing at it: that is what loads the page's
   * scripts and Leaflet (lib/scripts-on-demand.ts). Until then the map is the server-drawn one.
   */
  async reachForMap() {
    await this.map.hover();
  }

  /**
   * Reaches for the map and waits for Leaflet to draw its wards, then takes the pointer off the map, so that
   * the only tooltip shown is the one the test asks for next.
   */
  async waitForMap(expectedShapes: number) {
    await this.reachForMap();
    await expect(this.wardShapes).toHaveCount(expectedShapes, { timeout: 15_000 });
    await this.page.mouse.move(0, 0);
    await expect(this.page.locator(".leaflet-tooltip")).toHaveCount(0);
  }

  async chooseIndicator(label: string) {
    await this.page.getByLabel("Indicator", { exact: true }).selectOption({ label });
    await this.page.getByRole("button", { name: "Show" }).click();
  }

  /** Ranking values in table order (blank for suppressed or missing). */
  async rankingValues(): Promise<(number | null)[]> {
    const raw = await this.rankingRows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-value")));
    return raw.map((v) => (v === null || v === "" ? null : Number(v)));
  }
}

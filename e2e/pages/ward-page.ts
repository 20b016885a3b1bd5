import { expect, type Locator, type Page } from "@playwright/test";
import { showInteractiveChart } from "./charts";

/** A ward's profile page. */
export class WardPage {
  readonly heading: Locator;
  readonly trendChart: Locator;
  /** The server-drawn trend figure, shown until the interactive chart loads (and without JavaScript). */
  readonly staticTrendChart: Locator;
  readonly trendTableRows: Locator;
  readonly assetList: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.trendChart = page.getByTestId("trend-chart");
    this.staticTrendChart = this.trendChart.getByTestId("static-trend-chart");
    this.trendTableRows = page.getByTestId("trend-table").locator("tbody tr");
    this.assetList = page.getByTestId("asset-list");
  }

  async goto(code: string, query = "") {
    return this.page.goto(`/areas/${code}${query}`);
  }

  /** Scrolls to the trend chart and waits for its interactive version (it loads near the viewport). */
  async showInteractiveTrendChart() {
    await showInteractiveChart(this.trendChart);
  }

  /** The markers of the ward's own line in the interactive trend chart. */
  wardLinePoints(): Locator {
    return this.trendChart.locator("circle.trend-area-dot");
  }

  async expectLoaded(name: string) {
    await expect(this.heading).toHaveText(name);
  }
}

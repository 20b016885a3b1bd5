import type { Locator, Page } from "@playwright/test";
import { showInteractiveChart } from "./charts";

/** An indicator's page: definition, spread across wards, "How even is it?" and the city trend. */
export class IndicatorPage {
  readonly siiChart: Locator;
  readonly trendChart: Locator;

  constructor(readonly page: Page) {
    this.siiChart = page.getByTestId("sii-chart");
    this.trendChart = page.getByTestId("trend-chart");
  }

  async goto(slug: string) {
    return this.page.goto(`/indicators/${slug}`);
  }

  /** Scrolls to the slope-index chart and waits for its interactive version. */
  async showInteractiveSiiChart() {
    await showInteractiveChart(this.siiChart);
  }

  /** Both charts interactive, as a reader who scrolled through the page has them. */
  async showInteractiveCharts() {
    await showInteractiveChart(this.siiChart);
    await showInteractiveChart(this.trendChart);
  }
}

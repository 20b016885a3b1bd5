import { expect, test } from "@playwright/test";
import { WardPage } from "./pages/ward-page";

for (const [code, name] of [
  ["E05010807", "Central"],
  ["E05010810", "Eye, Thorney and Newborough"],
  ["E05010822", "Ravensthorpe"],
] as const) {
  test(`${name}'s ward page prints on at most 3 A4 pages, charts kept whole, the ward named on every page`, async ({
    page,
  }) => {
    const ward = new WardPage(page);
    await ward.goto(code);
    // Printed straight away: the interactive chart has not loaded (it waits to be scrolled to), so the
    // server-drawn figure is what prints.
    await page.waitForLoadState("networkidle");
    await page.emulateMedia({ media: "print" });
    await expect(ward.staticTrendChart).toBeVisible();
    // Charts and maps are never split across pages (reading styles also lays the page out for print,
    // as a browser's print preview does).
    const breaks = await page
      .locator('[data-testid="trend-chart"], [data-testid="asset-map"], svg[role="img"]')
      .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).breakInside));
    expect(breaks.length).toBeGreaterThan(10);
    expect(breaks.every((b) => b === "avoid" || b === "avoid-page")).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    // The running header (an @page margin box) names the ward and the period on every page.
    const css = await page.locator("style").evaluateAll((styles) => styles.map((s) => s.textContent).join("\n"));
    expect(css).toContain(`content: "${name} ward, Peterborough`);
    expect(css).toMatch(/latest data 2025/);
  });
}

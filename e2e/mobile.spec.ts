import { expect, test } from "@playwright/test";

for (const width of [360, 412]) {
  test(`pages read at ${width} px wide without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of [
      "/areas/E05010816",
      "/",
      "/indicators/belonging",
      "/search?q=orton",
      "/present?wards=E05010807&indicators=belonging",
      "/embed/map",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}

import { expect, test } from "@playwright/test";

test("a ward page reads on a phone without sideways scrolling", async ({ page }) => {
  await page.goto("/areas/E05010816");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

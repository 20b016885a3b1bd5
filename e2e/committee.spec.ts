import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("committee mode: choose wards and indicators, then move between slides with the keyboard", async ({ page }) => {
  await page.goto("/present");
  await page.getByRole("checkbox", { name: "Central", exact: true }).check();
  await page.getByRole("checkbox", { name: "North", exact: true }).check();
  await page.getByRole("checkbox", { name: /^Regular volunteering/ }).check();
  await page.getByRole("checkbox", { name: /^Bad health/ }).check();
  await page.getByRole("button", { name: "Start the presentation" }).click();
  const slide = page.getByTestId("slide");
  await expect(slide.getByRole("heading", { level: 1 })).toHaveText("Regular volunteering");
  await expect(slide.getByText("Slide 1 of 2")).toBeVisible();
  await expect(slide.locator("li[data-area-code]")).toHaveCount(3); // two wards and Peterborough
  await expect(slide.getByText(/SYNTHETIC DATA/)).toBeVisible();
  // Readable from the back of the room: the title is at least 36px.
  const size = await slide.getByRole("heading", { level: 1 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  expect(size).toBeGreaterThanOrEqual(36);
  await page.keyboard.press("ArrowRight");
  await expect(slide.getByRole("heading", { level: 1 })).toHaveText("Bad health");
  await expect(slide.getByText("Slide 2 of 2")).toBeVisible();
  await expect(slide.getByText(/SYNTHETIC DATA/)).toHaveCount(0);
  await page.keyboard.press("ArrowLeft");
  await expect(slide.getByRole("heading", { level: 1 })).toHaveText("Regular volunteering");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("committee mode rejects unknown wards, indicators and slides with a 404", async ({ request }) => {
  for (const query of [
    "wards=E05999999&indicators=belonging",
    "wards=E05010807&indicators=nope",
    "wards=E05010807&indicators=belonging&slide=5",
    "wards=E06000031&indicators=belonging",
  ]) {
    expect((await request.get(`/present?${query}`)).status(), query).toBe(404);
  }
});

import { expect, test } from "@playwright/test";
import { wcagViolations } from "./support/axe";
import { getFromFrontCache } from "./support/page-cache";

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
  expect(await wcagViolations(page)).toEqual([]);
  await page.goto("/present");
  expect(await wcagViolations(page), "the form").toEqual([]);
});

test("committee mode rejects unknown wards, indicators and slides, and malformed decks, with a 404", async ({
  request,
}) => {
  const nineWards = Array.from({ length: 9 }, (_, i) => `E050108${String(i + 5).padStart(2, "0")}`).join(",");
  for (const url of [
    "/present?wards=E05999999&indicators=belonging",
    "/present?wards=E05010807&indicators=nope",
    "/present?wards=E05010807&indicators=belonging&slide=5",
    "/present?wards=E06000031&indicators=belonging",
    "/present?wards=E05010807&indicators=belonging&slide=0",
    "/present?wards=E05010807;x&indicators=belonging",
    `/present?wards=${nineWards}&indicators=belonging`,
    "/present/wards.E05999999~indicators.belonging",
    "/present/wards.E05010807~indicators.belonging~slide.2",
    "/present/wards.E05010807,E05010805~indicators.belonging",
    "/present/not-a-deck",
  ]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

test("a deck keeps the order it was chosen in, once per ward and indicator", async ({ page }) => {
  await page.goto("/present?wards=E05010816,E05010805,E05010816&indicators=bad-health,belonging,bad-health");
  const slide = page.getByTestId("slide");
  await expect(slide.getByText("Slide 1 of 2")).toBeVisible();
  await expect(slide.getByRole("heading", { level: 1 })).toHaveText("Bad health");
  const rows = await slide.locator("li[data-area-code]").evaluateAll((items) => items.map((li) => li.dataset.areaCode));
  expect(rows).toEqual(["E05010816", "E05010805", "E06000031"]);
  await slide.getByRole("link", { name: /Next/ }).click();
  await expect(slide.getByRole("heading", { level: 1 })).toHaveText("Belonging");
  // Slides link to each other at their cached route, which is as good an address to share.
  await expect(page).toHaveURL(
    /\/present\/wards\.E05010816~wards\.E05010805~indicators\.bad-health~indicators\.belonging~slide\.2$/,
  );
});

test("a slide's query form and its path form show the same, from the page cache; so does the form", async ({
  request,
}) => {
  // The form's checkboxes repeat the parameters; links list them: one deck, one cached page per slide.
  const fromForm = await getFromFrontCache(
    request,
    "/present?wards=E05010816&wards=E05010805&indicators=bad-health&indicators=belonging&slide=2",
  );
  const fromLink = await getFromFrontCache(
    request,
    "/present?slide=2&indicators=bad-health,belonging&wards=E05010816,E05010805",
  );
  const fromPath = await getFromFrontCache(
    request,
    "/present/wards.E05010816~wards.E05010805~indicators.bad-health~indicators.belonging~slide.2",
  );
  expect(fromForm.main).toBe(fromPath.main);
  expect(fromLink.main).toBe(fromPath.main);
  expect(fromPath.main.replaceAll("<!-- -->", "")).toContain("Slide 2 of 2");
  const firstSlide = await getFromFrontCache(
    request,
    "/present?wards=E05010816,E05010805&indicators=bad-health,belonging",
  );
  expect(firstSlide.main.replaceAll("<!-- -->", "")).toContain("Slide 1 of 2");
  const form = await getFromFrontCache(request, "/present");
  expect(form.main).toContain("Start the presentation");
  // Committee mode is the site's own: only embeds may be framed.
  expect(fromPath.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
});

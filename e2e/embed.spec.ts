import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO_LA } from "../lib/demo-data/demo-area";
import { wcagViolations } from "./support/axe";
import { queryDatabase } from "./support/database";
import { getFromFrontCache } from "./support/page-cache";

/** A page on another origin (another localhost port) that frames an embed, as a council's site would. */
async function hostPage(embedUrl: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><title>Council report</title><h1>Committee report</h1><iframe src="${embedUrl}" title="Civic Pulse map" width="640" height="600"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

test("an embedded map renders inside a page on another origin, with no script file", async ({ page, baseURL }) => {
  const host = await hostPage(`${baseURL}/embed/map?indicator=bad-health`);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  try {
    await page.goto(host.url);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toContainText("Bad or very bad general health");
    const [wards] = await queryDatabase<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "Area" WHERE "type" = 'ward' AND "parentCode" = ? AND "successorCode" IS NULL`,
      DEMO_LA.code,
    );
    await expect(frame.getByTestId("embed-map").locator("svg a")).toHaveCount(Number(wards!.n));
    await expect(frame.getByRole("link", { name: "View on Civic Pulse" })).toHaveAttribute("target", "_top");
    // A drawn map of links and a legend: nothing on it needs JavaScript, so a report pays for none.
    await frame.getByTestId("embed-map").hover();
    await page.waitForLoadState("networkidle");
    expect(scripts).toEqual([]);
  } finally {
    host.server.close();
  }
});

test("an embedded trend chart renders inside a page on another origin, with its synthetic flag", async ({
  page,
  baseURL,
}) => {
  const host = await hostPage(`${baseURL}/embed/trend?area=E05010807&indicator=belonging`);
  try {
    await page.goto(host.url);
    const frame = page.frameLocator("iframe");
    await expect(frame.locator(".recharts-surface").first()).toBeVisible();
    await expect(frame.getByText("Synthetic data").first()).toBeVisible();
    await expect(frame.getByTestId("trend-table").locator("tbody tr")).toHaveCount(5);
  } finally {
    host.server.close();
  }
});

test("the share dialog gives iframe code that points at the embed", async ({ page }) => {
  await page.goto("/?indicator=belonging");
  await page.getByTestId("share-embed").locator("summary").click();
  // Opening it is what brings the page's scripts, which put the site's address in front.
  const textarea = page.getByLabel("Code to paste into a web page");
  await expect(textarea).toHaveValue(/^<iframe src="http:\/\//);
  const code = await textarea.inputValue();
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/map\?indicator=belonging&amp;period=2025"|^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/map\?indicator=belonging&period=2025"/,
  );
  const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, "&");
  const response = await page.goto(src);
  expect(response?.status()).toBe(200);
});

test("unknown or malformed embeds are 404s, in the query form and the cached path form", async ({ request }) => {
  for (const url of [
    "/embed/map?indicator=nope",
    "/embed/map?mode=satellite",
    "/embed/map?period=2024%2F2025",
    "/embed/map/indicator.nope",
    "/embed/map/not-a-state",
    "/embed/trend",
    "/embed/trend?area=E05999999&indicator=belonging",
    "/embed/trend?area=E05010807",
    "/embed/trend?area=E05010807&indicator=%3Cscript%3E",
    "/embed/trend/area.E05010807",
    "/embed/trend/area.E05999999~indicator.belonging",
    "/embed/trend/area.E05010807~indicator.belonging~x",
  ]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

// The query form is in people's iframes; proxy.ts renders it from the cached route that takes the state
// as a path segment (lib/url-state.ts renderPathFor), whatever the parameters' order.
const EMBED_FORMS = [
  {
    query: "/embed/map?mode=compare&indicator=bad-health&utm_source=report",
    path: "/embed/map/indicator.bad-health~mode.compare",
  },
  { query: "/embed/map?classes=quantile&mode=value", path: "/embed/map" },
  { query: "/embed/trend?indicator=belonging&area=E05010807", path: "/embed/trend/area.E05010807~indicator.belonging" },
];

test("an embed's query form and its path form show the same, from the page cache, and may be framed", async ({
  request,
}) => {
  const shown: string[] = [];
  for (const { query, path } of EMBED_FORMS) {
    const fromQuery = await getFromFrontCache(request, query);
    const fromPath = await getFromFrontCache(request, path);
    expect(fromQuery.main, `${query} shows what ${path} shows`).toBe(fromPath.main);
    for (const [url, page] of [
      [query, fromQuery],
      [path, fromPath],
    ] as const) {
      expect(page.headers["content-security-policy"], url).toMatch(/frame-ancestors \*/);
      expect(page.headers["x-frame-options"], url).toBeUndefined();
    }
    shown.push(fromPath.main);
  }
  expect(new Set(shown).size, "each view is its own page").toBe(EMBED_FORMS.length);
});

for (const path of [
  "/embed/map?indicator=bad-health&mode=compare",
  "/embed/trend?area=E05010807&indicator=belonging",
]) {
  test(`axe finds no WCAG 2.2 A/AA violations in the embed ${path}`, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith("/embed/trend")) await expect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
  });
}

test("an embed's headings go down one level at a time, as screen readers navigate them", async ({ page }) => {
  for (const path of ["/embed/map?indicator=formal-volunteering", "/embed/trend?area=E05010807&indicator=belonging"]) {
    await page.goto(path);
    const levels = await page
      .getByRole("heading")
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
    expect(levels[0], path).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!, `${path}: ${levels}`).toBeLessThanOrEqual(1);
  }
});

import { expect, test } from "@playwright/test";
import { parseCsv } from "../lib/csv/parse-csv";

test("a ward's CSV download, the API and the ward page agree on every figure", async ({ page, request }) => {
  const query = "area=E05010807&period=2025";
  const csvResponse = await request.get(`/api/v1/observations?${query}&format=csv`);
  expect(csvResponse.status()).toBe(200);
  expect(csvResponse.headers()["content-type"]).toContain("text/csv");
  expect(csvResponse.headers()["content-disposition"]).toContain("attachment");
  const csvRows = parseCsv(await csvResponse.text());
  const json = (await (await request.get(`/api/v1/observations?${query}`)).json()) as {
    data: { indicator: string; value: number | null; synthetic: boolean }[];
  };
  expect(csvRows.length).toBe(json.data.length);
  expect(csvRows.length).toBeGreaterThan(10);
  await page.goto("/areas/E05010807");
  for (const [i, row] of json.data.entries()) {
    expect(csvRows[i]!.indicator).toBe(row.indicator);
    expect(csvRows[i]!.value).toBe(row.value === null ? "" : String(row.value));
    expect(csvRows[i]!.synthetic).toBe(String(row.synthetic));
    // The page shows the same figure, rounded to the indicator's decimals.
    const cell = page.locator(`tr[data-indicator="${row.indicator}"] td`).nth(1).locator("span").first();
    const shown = /-?[\d,]+(?:\.\d+)?/.exec((await cell.textContent())!)?.[0]?.replace(/,/g, "");
    // Shown rounded to the indicator's decimals: within half a unit of the last digit shown.
    if (row.value !== null && shown) {
      const decimals = shown.split(".")[1]?.length ?? 0;
      expect(Math.abs(Number(shown) - row.value), row.indicator).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
    }
  }
});

test("boundaries are served as TopoJSON from this site, cacheable", async ({ request }) => {
  const response = await request.get("/api/v1/boundaries/E06000031");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("max-age");
  const topo = (await response.json()) as { type: string; objects: { areas: { geometries: { id: string }[] } } };
  expect(topo.type).toBe("Topology");
  expect(topo.objects.areas.geometries).toHaveLength(22);
  const missing = await request.get("/api/v1/boundaries/E06999999");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toBeTruthy();
});

test("the OpenAPI document is served and names every route", async ({ request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, unknown>;
  };
  expect(doc.openapi).toBe("3.1.0");
  for (const path of Object.keys(doc.paths)) {
    const concrete = path
      .replace("{code}", path.includes("boundaries") ? "E06000031" : "E05010807")
      .replace("{slug}", "belonging");
    const response = await request.get(concrete);
    expect(response.status(), concrete).toBe(200);
  }
  const bad = await request.get("/api/v1/observations?period=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.parameter).toBe("period");
});

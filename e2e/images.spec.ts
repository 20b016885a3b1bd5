import { expect, test } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the map's image links give a PNG of the requested size and an SVG with the title", async ({ page, request }) => {
  await page.goto("/?indicator=belonging");
  const links = page.getByTestId("image-links-map");
  const pngHref = await links.getByRole("link", { name: "PNG", exact: true }).getAttribute("href");
  const png = await request.get(pngHref!);
  expect(png.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await png.body())).toEqual({ width: 1200, height: 800 });
  const large = await request.get((await links.getByRole("link", { name: "PNG, large" }).getAttribute("href"))!);
  expect(pngSize(await large.body())).toEqual({ width: 2400, height: 1600 });
  const svg = await request.get((await links.getByRole("link", { name: "SVG" }).getAttribute("href"))!);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const text = await svg.text();
  expect(text).toContain("Feel they belong strongly to their neighbourhood");
  expect(text).toContain("SYNTHETIC DATA");
  expect(text.match(/<path class="ward" data-area-code="E05\d{6}"/g)).toHaveLength(22);
});

test("a ward's trend image has one path per series", async ({ page, request }) => {
  await page.goto("/areas/E05010807?indicator=belonging");
  const href = await page.getByTestId("image-links-trend").getByRole("link", { name: "SVG" }).getAttribute("href");
  const svg = await (await request.get(href!)).text();
  expect(svg.match(/<path class="series series-area"/g)).toHaveLength(1);
  expect(svg.match(/<path class="series series-benchmark"/g)).toHaveLength(1);
  const bad = await request.get("/api/v1/images/trend.png?indicator=belonging&area=E05010807&width=99999");
  expect(bad.status()).toBe(400);
});

// The report image endpoints against a real seeded database (SQLite, or PostgreSQL under test:pg): SVG structure, PNG size and
// pixels, headers, and errors. Expected wards and figures come from the boundary file and from
// the database read directly, not from the code under test.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createSeededDatabase } from "@/lib/db/__tests__/seeded-database";
import { catalogueEntry } from "@/lib/indicators/catalogue";
import { DEMO_SOURCES, SOURCE_IDS } from "@/lib/demo-data/sources";
import { SYNTHETIC_LABEL } from "@/lib/images/frame";
import { decodeRgbaPng, drawnText, findAll, hasClass, parseXml, PNG_SIGNATURE, pngSize, type XmlElement } from "./xml";

delete process.env.CIVIC_PULSE_HOME_AREA; // the demo's authority, Peterborough

type Modules = {
  images: typeof import("@/lib/api/v1/images");
  http: typeof import("@/lib/api/v1/http");
  client: typeof import("@/lib/db/client");
};
let m: Modules;
let query: Awaited<ReturnType<typeof createSeededDatabase>>["query"];

let cleanup: () => Promise<void>;

before(async () => {
  const seeded = await createSeededDatabase("images");
  cleanup = seeded.cleanup;
  m = {
    images: await import("@/lib/api/v1/images"),
    http: await import("@/lib/api/v1/http"),
    client: await import("@/lib/db/client"),
  };
  query = seeded.query;
});

after(async () => {
  await cleanup?.();
});

/** The 22 wards of the boundary file the seed reads. */
const BOUNDARY_WARDS = (
  JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/boundaries/wards-E06000031.geojson"), "utf8")) as {
    features: { properties: { code: string; name: string } }[];
  }
).features.map((f) => f.properties);

/** Calls the route's handler as the route does. */
async function get(chart: string, query: string) {
  const response = await m.images.respondWithImage(new Request("http://localhost/api/v1/images/"), () =>
    m.images.imageResponse(chart, new URLSearchParams(query)),
  );
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    disposition: response.headers.get("content-disposition"),
    cache: response.headers.get("cache-control"),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}
const svgOf = (bytes: Uint8Array) => parseXml(new TextDecoder().decode(bytes));
const texts = (doc: XmlElement) => drawnText(doc);

interface Row {
  areaCode: string;
  value: number | null;
  suppressed: number;
}
const rowsFor = (slug: string, period: string | null, codes: string[]) =>
  query<Row>(
    `SELECT "areaCode", value, suppressed FROM "Observation" WHERE "indicatorSlug" = ? AND "group" = 'all'
     ${period ? "AND period = ?" : ""} AND "areaCode" IN (${codes.map(() => "?").join(",")}) ORDER BY period`,
    ...[slug, ...(period ? [period] : []), ...codes],
  );

test("map.svg: every ward of the home authority, the title, legend counts and the synthetic label", async () => {
  const result = await get("map.svg", "indicator=formal-volunteering&period=2022");
  assert.equal(result.status, 200);
  assert.equal(result.type, "image/svg+xml; charset=utf-8");
  assert.equal(result.disposition, 'inline; filename="civic-pulse-map-formal-volunteering-2022.svg"');
  assert.equal(result.cache, m.http.API_CACHE_CONTROL);
  const doc = svgOf(result.bytes);
  assert.equal(doc.attrs.xmlns, "http://www.w3.org/2000/svg");
  assert.equal(doc.attrs.width, "1200");
  assert.equal(doc.attrs.height, "800");

  const wards = findAll(doc, (e) => e.name === "path" && hasClass(e, "ward"));
  assert.equal(wards.length, 22);
  assert.deepEqual(wards.map((w) => w.attrs["data-area-code"]).sort(), BOUNDARY_WARDS.map((w) => w.code).sort());
  for (const ward of wards) assert.match(ward.attrs.d ?? "", /^M[\d.,LMZ-]+Z$/);

  const title = catalogueEntry("formal-volunteering")!.title;
  assert.ok(findAll(doc, (e) => e.name === "title")[0]!.text.includes(title));
  assert.ok(texts(doc).includes(title));
  assert.ok(texts(doc).includes(SYNTHETIC_LABEL));

  // Legend: the suppressed count is what the database holds for 2022, and counts cover all wards.
  const rows = await rowsFor(
    "formal-volunteering",
    "2022",
    BOUNDARY_WARDS.map((w) => w.code),
  );
  const suppressed = rows.filter((r) => r.suppressed).length;
  assert.ok(suppressed > 0, "the demo suppresses a ward in 2022");
  const legend = findAll(doc, (e) => e.attrs["data-part"] === "legend")[0]!;
  const entries = findAll(legend, (e) => e.attrs["data-part"] === "legend-entry").map(drawnText);
  const count = (entry: string) => Number(/\((\d+) wards?\)$/.exec(entry)![1]);
  assert.equal(
    entries.map(count).reduce((a, b) => a + b, 0),
    22,
  );
  assert.equal(count(entries.find((e) => e.startsWith("Suppressed"))!), suppressed);
  assert.equal(wards.filter((w) => w.attrs["data-state"] === "suppressed").length, suppressed);
});

test("a real indicator's map and trend name its source and carry no synthetic label", async () => {
  const source = DEMO_SOURCES.find((s) => s.id === SOURCE_IDS.iod2025Indicators)!;
  const map = await get("map.svg", "indicator=adult-skills");
  assert.equal(map.status, 200);
  const mapText = texts(svgOf(map.bytes));
  assert.ok(!mapText.includes(SYNTHETIC_LABEL));
  assert.ok(!mapText.includes("SYNTHETIC"));
  assert.ok(mapText.includes(source.title), mapText);
  assert.ok(mapText.includes(`Licence: ${source.licence}`));
  const trend = await get("trend.svg", `indicator=adult-skills&area=${BOUNDARY_WARDS[0]!.code}`);
  assert.equal(trend.status, 200);
  assert.ok(!texts(svgOf(trend.bytes)).includes(SYNTHETIC_LABEL));
});

test("compare mode colours wards by comparison and says so in the file name", async () => {
  const result = await get("map.svg", "indicator=formal-volunteering&mode=compare&classes=natural-breaks");
  assert.equal(result.status, 200);
  assert.match(result.disposition ?? "", /civic-pulse-map-formal-volunteering-\d{4}-compare\.svg/);
  const doc = svgOf(result.bytes);
  const legend = drawnText(findAll(doc, (e) => e.attrs["data-part"] === "legend")[0]!);
  assert.match(legend, /(Better than|Similar to|Worse than) Peterborough/);
});

test("trend.svg: the ward's and the authority's series, with as many points as the database has figures", async () => {
  const ward = BOUNDARY_WARDS.find((w) => w.code === "E05010805")!;
  const result = await get("trend.svg", `indicator=belonging&area=${ward.code}`);
  assert.equal(result.status, 200);
  assert.equal(result.disposition, `inline; filename="civic-pulse-trend-belonging-${ward.code}.svg"`);
  const doc = svgOf(result.bytes);
  const series = findAll(doc, (e) => e.name === "path" && hasClass(e, "series"));
  assert.equal(series.length, 2);
  const points = (d: string) => (d.match(/[ML]/g) ?? []).length;
  const published = async (code: string) =>
    (await rowsFor("belonging", null, [code])).filter((r) => r.value !== null && !r.suppressed).length;
  assert.equal(points(series.find((s) => hasClass(s, "series-area"))!.attrs.d!), await published(ward.code));
  assert.equal(points(series.find((s) => hasClass(s, "series-benchmark"))!.attrs.d!), await published("E06000031"));
  assert.equal(findAll(doc, (e) => hasClass(e, "band")).length, 1);
  const text = texts(doc);
  assert.ok(text.includes(catalogueEntry("belonging")!.title));
  assert.ok(text.includes(`${ward.name} ward and Peterborough`));
  assert.ok(text.includes(SYNTHETIC_LABEL));
});

test("PNGs come at the requested size, or the default, with the title's text drawn", async () => {
  const cases: [string, string, number, number][] = [
    ["map.png", "indicator=formal-volunteering&width=800&height=500", 800, 500],
    ["map.png", "indicator=imd-score", 1200, 800],
    ["trend.png", "indicator=formal-volunteering&area=E05010805", 1200, 600],
    ["trend.png", "indicator=formal-volunteering&area=E05010805&width=320&height=1600", 320, 1600],
  ];
  for (const [chart, query, width, height] of cases) {
    const result = await get(chart, query);
    assert.equal(result.status, 200, query);
    assert.equal(result.type, "image/png");
    assert.match(result.disposition ?? "", /^inline; filename="civic-pulse-(map|trend)-[A-Za-z0-9-]+\.png"$/);
    assert.deepEqual([...result.bytes.subarray(0, 8)], PNG_SIGNATURE);
    assert.deepEqual(pngSize(result.bytes), { width, height });
  }
  // Text needs a font: with none, resvg silently draws nothing. The title is near-black ink on
  // white, and nothing else near the top of the chart is that dark.
  const png = decodeRgbaPng(
    (await get("trend.png", "indicator=adult-skills&area=E05010805&width=1200&height=600")).bytes,
  );
  let dark = 0;
  for (let y = 0; y < 60; y++) {
    for (let x = 0; x < png.width; x++) {
      const k = (y * png.width + x) * 4;
      if (png.pixels[k]! < 60 && png.pixels[k + 1]! < 60 && png.pixels[k + 2]! < 60 && png.pixels[k + 3] === 255)
        dark++;
    }
  }
  assert.ok(dark > 500, `only ${dark} dark pixels where the title is`);
  // And the page is opaque white, not transparent, where nothing is drawn (bottom-right corner).
  const corner = (png.height * png.width - 1) * 4;
  assert.deepEqual([...png.pixels.subarray(corner, corner + 4)], [255, 255, 255, 255]);
});

test("bad parameters are 400s naming the parameter; unknown charts, indicators, areas and periods are 404s", async () => {
  const cases: [string, string, number, string?][] = [
    ["map.png", "indicator=formal-volunteering&width=100", 400, "width"],
    ["map.png", "indicator=formal-volunteering&width=2401", 400, "width"],
    ["map.png", "indicator=formal-volunteering&width=800.5", 400, "width"],
    ["map.svg", "indicator=formal-volunteering&height=1601", 400, "height"],
    ["trend.png", "indicator=belonging&area=E05010805&height=199", 400, "height"],
    ["map.svg", "indicator=formal-volunteering&mode=heat", 400, "mode"],
    ["map.svg", "indicator=formal-volunteering&classes=random", 400, "classes"],
    ["map.svg", "indicator=formal-volunteering&period=last", 400, "period"],
    ["map.svg", "indicator=<script>", 400, "indicator"],
    ["map.svg", "", 400, "indicator"],
    ["map.svg", "indicator=formal-volunteering&colour=red", 400, "colour"],
    ["trend.svg", "indicator=belonging", 400, "area"],
    ["trend.svg", "indicator=belonging&area=../../etc", 400, "area"],
    ["map.svg", "indicator=no-such-thing", 404],
    ["map.svg", "indicator=formal-volunteering&period=1999", 404],
    ["trend.svg", "indicator=no-such-thing&area=E05010805", 404],
    ["trend.png", "indicator=belonging&area=E05999999", 404],
    ["map.gif", "indicator=formal-volunteering", 404],
    ["chart.svg", "indicator=formal-volunteering", 404],
  ];
  for (const [chart, query, status, parameter] of cases) {
    const result = await get(chart, query);
    assert.equal(result.status, status, `${chart}?${query}`);
    assert.match(result.type, /application\/json/);
    const json = new TextDecoder().decode(result.bytes);
    assert.ok(!/[<>]/.test(json), "a quoted bad value never reaches the browser as markup");
    const body = JSON.parse(json) as { error: { message: string; parameter?: string } };
    assert.ok(body.error.message.length > 10);
    if (parameter) assert.equal(body.error.parameter, parameter, `${chart}?${query}`);
  }
});

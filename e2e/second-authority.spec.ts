// A council that is not the demo's: with CIVIC_PULSE_HOME_AREA naming another authority, the first run
// holds the indicator catalogue alone; the council imports its boundary, wards, figures and assets with the
// real import CLI, from small files this test writes, and every page, embed, image and download then names
// that authority and its wards, shows the figures written, and says nothing of Peterborough. Bad ward files
// are refused with the file, feature and column named, and leave the database byte-identical.
//
// The server: `next start` from the build the other specs use, on this test's own database, with the
// front cache off. scripts/start.ts would rebuild (the data fingerprint differs from the build's), and a
// rebuild would write into the .next the main test server is serving from. A build of its own (another
// distDir) would add a full next build (37 s in one run here) beside the rest of the suite on 2 cores, for
// no more coverage: every page this journey reads is rendered from the test's database, because POST
// /api/revalidate discards the pages generated at build time (from the demo data) before any is read, and
// regenerated pages stay in memory (isrFlushToDisk: false in next.config.js), never written into the shared
// .next. (That npm start builds on a catalogue-only database is checked by hand; see docs/decisions.md.)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { assetKind } from "../lib/assets/categories";
import { parseCsv } from "../lib/csv/parse-csv";
import { INDICATOR_CATALOGUE } from "../lib/indicators/catalogue";
import { formatValue } from "../lib/indicators/format";
import { E2E_DATABASE_URL, E2E_PORT } from "../playwright.config";
import { wcagViolations } from "./support/axe";

const PORT = E2E_PORT + 29;
// "localhost", as scripts/start.ts starts Next: with 127.0.0.1 Next takes proxy.ts's rewrites for external ones.
const BASE = `http://localhost:${PORT}`;
const TOKEN = "e2e-second-authority-token";

// The made-up authority and its wards: a 0.2° × 0.12° rectangle cut into four that share their edges.
const AUTHORITY = { code: "E06000099", name: "Harrowdale" };
const [WEST, MIDDLE_LON, EAST] = [-1.3, -1.2, -1.1];
const [SOUTH, MIDDLE_LAT, NORTH] = [52.0, 52.06, 52.12];
const WARDS = [
  { code: "E05099901", name: "Ashby Fields", box: [WEST, MIDDLE_LAT, MIDDLE_LON, NORTH], population: 5210 },
  { code: "E05099902", name: "Brookside", box: [MIDDLE_LON, MIDDLE_LAT, EAST, NORTH], population: 6140 },
  { code: "E05099903", name: "Cranmere", box: [WEST, SOUTH, MIDDLE_LON, MIDDLE_LAT], population: 4875 },
  { code: "E05099904", name: "Dunstan Green", box: [MIDDLE_LON, SOUTH, EAST, MIDDLE_LAT], population: 7330 },
] as const;
// Figures for three catalogue indicators, none of them the home page's headline one (formal-volunteering):
// two survey measures the catalogue defines with the demo's synthetic survey, and a Census measure whose
// catalogue definition names Peterborough's Census file.
const FIGURE_INDICATORS = ["neighbours-help", "belonging", "unpaid-carers"];
const PERIODS = ["2024", "2025"];
const ASSET_PERIOD = "2025";
const FIGURES_TITLE = "Harrowdale residents' survey and carers count";
const BOUNDARIES_ATTRIBUTION = "Harrowdale Council ward boundaries, Open Government Licence v3.0.";

type Box = readonly [number, number, number, number];
const rectangle = ([west, south, east, north]: Box) => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
const featureCollection = (features: object[]) => JSON.stringify({ type: "FeatureCollection", features });
const wardFeature = (ward: (typeof WARDS)[number], box: Box = ward.box, properties: object = {}) => ({
  type: "Feature",
  properties: { code: ward.code, name: ward.name, population: ward.population, ...properties },
  geometry: rectangle(box),
});

let folder = "";
let databaseFile = "";
let server: ChildProcess | undefined;
const file = (name: string) => path.join(folder, name);
const sha256 = (name: string) => crypto.createHash("sha256").update(fs.readFileSync(name)).digest("hex");

/** The files a council would bring, written into the test's folder. */
function writeCouncilFiles() {
  fs.writeFileSync(
    file("harrowdale.geojson"),
    featureCollection([
      {
        type: "Feature",
        properties: {
          code: AUTHORITY.code,
          name: AUTHORITY.name,
          population: WARDS.reduce((sum, ward) => sum + ward.population, 0),
        },
        geometry: rectangle([WEST, SOUTH, EAST, NORTH]),
      },
    ]),
  );
  fs.writeFileSync(file("harrowdale-wards.geojson"), featureCollection(WARDS.map((ward) => wardFeature(ward))));
  // The figures: a value (and for the survey measures an interval) per ward, the authority and period.
  const lines = ["area_code,indicator,period,value,lower_ci,upper_ci"];
  FIGURE_INDICATORS.forEach((slug, i) =>
    PERIODS.forEach((period, p) =>
      [...WARDS.map((ward) => ward.code), AUTHORITY.code].forEach((code, a) => {
        const value = 20 + 9 * i + 3.4 * a + 1.3 * p;
        const interval = slug === "unpaid-carers" ? ["", ""] : [(value - 4.2).toFixed(1), (value + 4.4).toFixed(1)];
        lines.push([code, slug, period, value.toFixed(1), ...interval].join(","));
      }),
    ),
  );
  fs.writeFileSync(file("harrowdale-figures.csv"), lines.join("\n") + "\n");
  // Assets near each ward's middle: places to meet, groups, and a park (which counts in neither indicator).
  const categories = ["library", "community-centre", "sports-club", "food-bank", "mutual-aid-group", "park"];
  const assets = ["name,category,lat,lon"];
  WARDS.forEach((ward, w) => {
    const [west, south, east, north] = ward.box;
    for (let n = 0; n <= w + 1; n++) {
      const category = categories[(w + n) % categories.length]!;
      const lat = south + ((north - south) * (n + 1)) / (w + 3);
      const lon = west + (east - west) * 0.4;
      assets.push(
        `${ward.name} ${category.replace(/-/g, " ")} ${n + 1},${category},${lat.toFixed(5)},${lon.toFixed(5)}`,
      );
    }
  });
  fs.writeFileSync(file("harrowdale-assets.csv"), assets.join("\n") + "\n");
}

/** Runs a script of the project's as `npm run …` would, on this test's database and home area. */
function runScript(script: string, args: readonly string[] = []) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      CIVIC_PULSE_HOME_AREA: AUTHORITY.code,
      CIVIC_PULSE_URL: BASE,
      CIVIC_PULSE_REVALIDATE_TOKEN: TOKEN,
    },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}
const runImport = (args: readonly string[]) => runScript("scripts/import.ts", args);

async function waitUntilUp() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${BASE}/icon.svg`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the test server on ${BASE} did not start`);
}

/** Tells the server the data changed, as the import CLI does: pages regenerate from the test's database. */
async function revalidate() {
  const response = await fetch(`${BASE}/api/revalidate`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  expect(response.status).toBe(200);
}

/** The page's HTML (text, <title> and the data Next embeds) names no Peterborough, and axe finds nothing. */
async function expectNoDemoAndAccessible(page: Page) {
  expect(await page.content(), page.url()).not.toContain("Peterborough");
  expect(await wcagViolations(page), page.url()).toEqual([]);
}

/** The figures file as the test wrote it, read back. */
function writtenFigures() {
  return parseCsv(fs.readFileSync(file("harrowdale-figures.csv"), "utf8")).map((row) => ({
    area: row.area_code!,
    slug: row.indicator!,
    period: row.period!,
    value: Number(row.value),
    lower: row.lower_ci ? Number(row.lower_ci) : null,
    upper: row.upper_ci ? Number(row.upper_ci) : null,
  }));
}

/** The assets file read back, each with the ward the test put it in (the point is inside that ward's box). */
function writtenAssets() {
  return parseCsv(fs.readFileSync(file("harrowdale-assets.csv"), "utf8")).map((row) => {
    const [lat, lon] = [Number(row.lat), Number(row.lon)];
    const ward = WARDS.find(({ box: [w, s, e, n] }) => lon > w && lon < e && lat > s && lat < n)!;
    return { name: row.name!, category: row.category!, ward };
  });
}

const catalogue = (slug: string) => INDICATOR_CATALOGUE.find((indicator) => indicator.slug === slug)!;
const ASSET_INDICATORS = { space: "community-spaces", group: "active-groups" } as const;

test.describe.configure({ mode: "serial" });
// The import CLI writes SQLite files only (PostgreSQL gets its data through db:copy).
test.skip(!E2E_DATABASE_URL.startsWith("file:"), "imports into a SQLite database of its own");
test.setTimeout(120_000);

test.beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-second-authority-"));
  databaseFile = file("harrowdale.db");
  writeCouncilFiles();
  const setup = runScript("scripts/db/setup.ts");
  expect(setup.status, setup.output).toBe(0);
  expect(setup.output).toContain("indicator definitions only");
  server = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT), "-H", "localhost"],
    {
      env: {
        ...process.env,
        DATABASE_URL: `file:${databaseFile}`,
        CIVIC_PULSE_HOME_AREA: AUTHORITY.code,
        CIVIC_PULSE_REVALIDATE_TOKEN: TOKEN,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await Promise.race([
    waitUntilUp(),
    new Promise((_, reject) => server!.once("exit", () => reject(new Error("the test server stopped")))),
  ]);
  // The build's pages were generated from the demo data: regenerate them from this database.
  await revalidate();
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill();
    await exited;
  }
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test("before any import, the pages say there is no data for the authority yet, and how to import it", async ({
  page,
}) => {
  await page.goto(`${BASE}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`No data for ${AUTHORITY.code} yet`);
  await expect(page.getByTestId("no-data-yet")).toContainText("npm run import -- boundaries");
  await expect(page.getByTestId("no-data-yet")).toContainText(`--parent ${AUTHORITY.code}`);
  await expect(page).toHaveTitle(`Civic Pulse — ${AUTHORITY.code}`);
  await expect(page.getByTestId("footer-attributions")).toContainText("No boundaries, figures or assets");
  await expect(page.getByTestId("footer-illustrative")).toHaveCount(0);
  await expectNoDemoAndAccessible(page);
  for (const path of ["/present", "/embed/map"]) {
    const response = await page.goto(`${BASE}${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByTestId("no-data-yet"), path).toContainText(`No data for ${AUTHORITY.code} yet`);
    expect(await page.content(), path).not.toContain("Peterborough");
  }
  // An indicator of the catalogue with no figures here is no page of this site; the 404 page names the authority.
  expect((await page.goto(`${BASE}/indicators/${FIGURE_INDICATORS[0]}`))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: `Go to the ${AUTHORITY.code} map of all wards` })).toBeVisible();
  expect(await page.content()).not.toContain("Peterborough");
});

test("a bad ward file is refused, naming the file, the feature and the column, and the database does not change", async () => {
  const boundary = runImport(["boundaries", file("harrowdale.geojson"), "--type", "local_authority"]);
  expect(boundary.status, boundary.output).toBe(0);

  const [first] = WARDS;
  const [west, south, east, north] = first.box;
  const bad = [
    {
      name: "wards-elsewhere.geojson",
      // The first ward a whole degree east, outside the authority; the others where they belong.
      features: [wardFeature(first, [west + 1, south, east + 1, north]), ...WARDS.slice(1).map((w) => wardFeature(w))],
      args: ["--parent", AUTHORITY.code, "--population-field", "population"],
      says: new RegExp(
        `wards-elsewhere\\.geojson, feature 1 \\(${first.code}\\), column "geometry": The ward lies outside its parent ${AUTHORITY.code} \\(${AUTHORITY.name}\\)`,
      ),
    },
    {
      name: "wards-unknown-parent.geojson",
      features: WARDS.map((w) => wardFeature(w)),
      args: ["--parent", "E06000098", "--population-field", "population"],
      says: /wards-unknown-parent\.geojson: The parent area E06000098 is not in the database/,
    },
    {
      name: "wards-no-population.geojson",
      // The population under another name than the one the command gives.
      features: WARDS.map((w) => wardFeature(w, w.box, { population: undefined, residents: w.population })),
      args: ["--parent", AUTHORITY.code, "--population-field", "population"],
      says: /wards-no-population\.geojson, column "population": No feature has the property "population".*residents/,
    },
    {
      name: "wards-bad-population.geojson",
      features: [
        wardFeature(first, first.box, { population: "about 5,000" }),
        ...WARDS.slice(1).map((w) => wardFeature(w)),
      ],
      args: ["--parent", AUTHORITY.code, "--population-field", "population"],
      says: new RegExp(
        `wards-bad-population\\.geojson, feature 1 \\(${first.code}\\), column "population": The population "about 5,000" should be a whole number`,
      ),
    },
  ];
  const refuse = (kind: string, name: string, args: readonly string[], says: RegExp) => {
    const before = sha256(databaseFile);
    const refused = runImport([kind, file(name), ...args]);
    expect(refused.status, refused.output).toBe(1);
    expect(refused.output, name).toMatch(says);
    expect(refused.output, name).toContain("The database has not changed");
    expect(sha256(databaseFile), `${name}: the database file is byte-identical`).toBe(before);
  };
  for (const { name, features, args, says } of bad) {
    fs.writeFileSync(file(name), featureCollection(features));
    refuse("boundaries", name, args, says);
  }
  // Figures for a demo ward (not in this database), and an asset outside every boundary held.
  fs.writeFileSync(file("figures-elsewhere.csv"), `area_code,indicator,period,value\nE05010805,belonging,2025,31.2\n`);
  refuse(
    "indicators",
    "figures-elsewhere.csv",
    [],
    /figures-elsewhere\.csv, line 2, column "area_code": Unknown area code "E05010805"/,
  );
  fs.writeFileSync(file("assets-elsewhere.csv"), `name,category,lat,lon\nFar hall,community-hall,53.5,-1.2\n`);
  refuse("assets", "assets-elsewhere.csv", [], /assets-elsewhere\.csv, line 2, column "lat": .*outside/i);
});

test("the council's imports land in order and the dashboard is told each time", async () => {
  const steps = [
    [
      "boundaries",
      file("harrowdale-wards.geojson"),
      "--parent",
      AUTHORITY.code,
      "--population-field",
      "population",
      "--attribution",
      BOUNDARIES_ATTRIBUTION,
    ],
    [
      "indicators",
      file("harrowdale-figures.csv"),
      "--title",
      FIGURES_TITLE,
      "--publisher",
      "Harrowdale Council",
      "--licence",
      "Open Government Licence v3.0",
    ],
    ["assets", file("harrowdale-assets.csv"), "--period", ASSET_PERIOD, "--publisher", "Harrowdale Council"],
  ];
  for (const args of steps) {
    const result = runImport(args);
    expect(result.status, result.output).toBe(0);
    expect(result.output, args[0]).toContain(`Dashboard at ${BASE}: pages will show the new data`);
  }
});

test("home → ward → indicator → CSV: the authority and its wards, the figures written, and no Peterborough", async ({
  page,
}) => {
  const figures = writtenFigures();
  const assets = writtenAssets();
  const withFigures = new Set([...FIGURE_INDICATORS, ...Object.values(ASSET_INDICATORS)]);
  // The headline indicator has no figures here: the home page opens on the first in catalogue order that has.
  const opening = INDICATOR_CATALOGUE.find((indicator) => withFigures.has(indicator.slug))!;
  const latest = PERIODS.at(-1)!;

  // Home: the authority's map of its wards, the indicators it has figures for and no others.
  await page.goto(`${BASE}/`);
  await expect(page).toHaveTitle(`Civic Pulse — ${AUTHORITY.name}`);
  await expect(page.getByRole("banner")).toContainText(AUTHORITY.name);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `${opening.title}, ${AUTHORITY.name} wards, ${latest}`,
  );
  const options = await page
    .getByLabel("Indicator", { exact: true })
    .locator("option")
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  expect(new Set(options)).toEqual(withFigures);
  const ranking = page.getByTestId("ward-ranking");
  for (const ward of WARDS) await expect(ranking.getByRole("link", { name: ward.name })).toBeVisible();
  const shown = await ranking
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [row.querySelector("a")?.textContent ?? "", Number(row.getAttribute("data-value"))] as const),
    );
  const openingFigures = figures.filter((f) => f.slug === opening.slug && f.period === latest);
  expect(new Map(shown)).toEqual(
    new Map(WARDS.map((ward) => [ward.name, openingFigures.find((f) => f.area === ward.code)!.value])),
  );
  // The map credits the council's boundaries, and the figures their own source.
  await expect(page.getByTestId("map").locator("xpath=..").locator("figcaption")).toContainText(BOUNDARIES_ATTRIBUTION);
  await expect(page.getByRole("region", { name: "About this indicator" })).toContainText(FIGURES_TITLE);
  // Nothing here is synthetic any more: no label says so, and the footer credits the council's sources.
  await expect(page.locator('[data-synthetic="true"]')).toHaveCount(0);
  await expect(page.getByTestId("footer-illustrative")).toHaveCount(0);
  await page.getByText(/^Every source/).click();
  await expect(page.getByTestId("footer-sources")).toContainText(FIGURES_TITLE);
  await expectNoDemoAndAccessible(page);

  // A ward: its figures against the authority, as written; its assets and the counts made from them.
  const ward = WARDS[1];
  await ranking.getByRole("link", { name: ward.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ward.name);
  await expect(page).toHaveTitle(`${ward.name} ward — Civic Pulse`);
  // Its default view opens on the authority's own default indicator, which has one address whichever way it is asked.
  const canonical = page.locator('link[rel="canonical"]');
  await expect(canonical).toHaveAttribute("href", new RegExp(`/areas/${ward.code}$`));
  const explicit = await page.request.get(`${BASE}/areas/${ward.code}?indicator=${opening.slug}`);
  expect(await explicit.text()).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/areas/${ward.code}"`));
  await expect(page.getByText(`Ward in ${AUTHORITY.name} · ${ward.code}`)).toBeVisible();
  await expect(page.getByText(`${ward.population.toLocaleString("en-GB")} residents`)).toBeVisible();
  for (const slug of FIGURE_INDICATORS) {
    const row = page.locator(`tr[data-indicator="${slug}"]`);
    const own = figures.find((f) => f.slug === slug && f.period === latest && f.area === ward.code)!;
    const authority = figures.find((f) => f.slug === slug && f.period === latest && f.area === AUTHORITY.code)!;
    await expect(row.locator("td").nth(1), slug).toContainText(formatValue(own.value, catalogue(slug)));
    await expect(row.locator("td").nth(2), slug).toHaveText(formatValue(authority.value, catalogue(slug)));
  }
  const inWard = assets.filter((asset) => asset.ward.code === ward.code);
  for (const asset of inWard) await expect(page.getByTestId("asset-list")).toContainText(asset.name);
  for (const [kind, slug] of Object.entries(ASSET_INDICATORS)) {
    const count = inWard.filter((asset) => assetKind(asset.category) === kind).length;
    await expect(page.locator(`tr[data-indicator="${slug}"] td`).nth(1), slug).toContainText(
      formatValue((count / ward.population) * 1000, catalogue(slug)),
    );
  }
  await expect(page.locator('[data-synthetic="true"]')).toHaveCount(0);
  await expect(page.getByTestId("figure-sources")).toContainText(FIGURES_TITLE);
  // The embed code names the ward and its authority.
  await page.getByTestId("share-embed").locator("summary").click();
  const embedCode = await page.getByTestId("share-embed").locator("textarea").inputValue();
  expect(embedCode).toContain(`${ward.name} and ${AUTHORITY.name}`);
  expect(embedCode).not.toContain("Peterborough");
  await expectNoDemoAndAccessible(page);

  // An indicator the catalogue defines with Peterborough's Census file: its figures here are the council's.
  const slug = "unpaid-carers";
  await page.locator(`tr[data-indicator="${slug}"]`).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/areas/${ward.code}\\?indicator=${slug}`));
  await page.getByRole("link", { name: "About this indicator" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(catalogue(slug).title);
  const sources = page.getByTestId("indicator-source");
  await expect(sources).toContainText(FIGURES_TITLE);
  await expect(sources).toContainText("Harrowdale Council");
  await expect(sources).not.toContainText("Census 2021");
  await expectNoDemoAndAccessible(page);

  // Its CSV: every figure the test wrote for it, under the council's source, named by the council's areas.
  const download = page.waitForEvent("download");
  await page.getByTestId("downloads").getByRole("link", { name: "CSV" }).click();
  const csv = fs.readFileSync(await (await download).path(), "utf8");
  expect(csv).not.toContain("Peterborough");
  const rows = parseCsv(csv);
  const expected = figures.filter((f) => f.slug === slug);
  expect(rows).toHaveLength(expected.length);
  const names = new Map<string, string>([
    [AUTHORITY.code, AUTHORITY.name],
    ...WARDS.map((w) => [w.code, w.name] as [string, string]),
  ]);
  for (const figure of expected) {
    const row = rows.find((r) => r.area_code === figure.area && r.period === figure.period)!;
    expect(row, `${figure.area} ${figure.period}`).toBeDefined();
    expect(Number(row.value)).toBe(figure.value);
    expect(row.area_name).toBe(names.get(figure.area));
    expect(row.source_title).toBe(FIGURES_TITLE);
    expect(row.synthetic).toBe("false");
  }
});

test("the map embed and the map image name the authority and its wards, not Peterborough", async ({
  page,
  request,
}) => {
  const image = await request.get(`${BASE}/api/v1/images/map.svg?indicator=${FIGURE_INDICATORS[1]}`);
  expect(image.status()).toBe(200);
  const svg = await image.text();
  expect(svg).toContain(AUTHORITY.name);
  expect(svg).not.toContain("Peterborough");
  expect(svg).not.toContain("Census 2021");

  await page.goto(`${BASE}/embed/map?indicator=${FIGURE_INDICATORS[1]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${AUTHORITY.name} wards`);
  await expect(page.locator("figcaption")).toContainText(FIGURES_TITLE);
  await expectNoDemoAndAccessible(page);

  // The trend embed of a ward against its authority.
  const [ward] = WARDS;
  await page.goto(`${BASE}/embed/trend?area=${ward.code}&indicator=${FIGURE_INDICATORS[1]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${ward.name} and ${AUTHORITY.name}`);
  await expect(page.locator("figcaption").filter({ hasText: "Source:" })).toContainText(FIGURES_TITLE);
  await expectNoDemoAndAccessible(page);

  // The home page's map of the Census-defined indicator credits the council's figures, not the Census file.
  await page.goto(`${BASE}/?indicator=unpaid-carers`);
  const about = page.getByRole("region", { name: "About this indicator" });
  await expect(about).toContainText(FIGURES_TITLE);
  await expect(about).not.toContainText("Census 2021 TS039"); // the definition's source (Peterborough's file)

  await page.goto(`${BASE}/present`);
  for (const ward of WARDS) await expect(page.getByLabel(ward.name)).toBeVisible();
  await expect(page.locator('input[name="indicators"]')).toHaveCount(FIGURE_INDICATORS.length + 2);
  expect(await page.content()).not.toContain("Peterborough");
});

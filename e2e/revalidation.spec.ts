// Ward pages are served from the caches (Next's, and the front cache npm start puts before it); an import
// makes them stale and the import CLI asks the dashboard to regenerate. Runs its own server, started as
// npm start starts it (scripts/start.ts: Next behind the front cache), on a copy of the test database (so
// the import cannot change what the other specs see), from the same build.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { IMPORTS_NEED_SQLITE, startDashboardOnCopy, type DashboardOnCopy } from "./support/dashboard-on-copy";

const TOKEN = "e2e-revalidation-token";
const WARD = "/areas/E05010805";
// docs/examples/indicators.csv gives this ward a new indicator, "Library members".
const NEW_INDICATOR = "Library members";
const NEW_INDICATOR_TITLE = "Residents with an active library card";

// Embeds and committee mode come from the same caches; the import adds this indicator to the ward above.
const NEW_SLUG = "library-membership";
const COMMITTEE_FORM = "/present";
const NEW_TREND_EMBED = `/embed/trend?area=E05010805&indicator=${NEW_SLUG}`;
const NEW_SLIDE = `/present?wards=E05010805&indicators=${NEW_SLUG}`;

let dashboard: DashboardOnCopy;

/** A page, and whether the front cache answered it from memory (x-cache: HIT) or asked Next. */
async function cachedPage(path: string) {
  const response = await fetch(dashboard.base + path);
  return { status: response.status, frontCache: response.headers.get("x-cache"), html: await response.text() };
}
const wardPage = () => cachedPage(WARD);

function runImport(token: string) {
  return dashboard.runImport(
    ["indicators", "docs/examples/indicators.csv", "--metadata", "docs/examples/indicators-metadata.csv"],
    token,
  );
}

test.describe.configure({ mode: "serial" });
test.skip(IMPORTS_NEED_SQLITE, "imports into a copy of the SQLite test database");
test.setTimeout(120_000);

test.beforeAll(async () => {
  dashboard = await startDashboardOnCopy(17, TOKEN);
});

test.afterAll(async () => {
  await dashboard?.stop();
});

test("revalidation needs the token, and only answers POST", async () => {
  expect((await fetch(`${dashboard.base}/api/revalidate`, { method: "POST" })).status).toBe(401);
  const wrong = await fetch(`${dashboard.base}/api/revalidate`, {
    method: "POST",
    headers: { Authorization: "Bearer nope" },
  });
  expect(wrong.status).toBe(401);
  expect((await fetch(`${dashboard.base}/api/revalidate`)).status).toBe(405);
});

test("an import shows on the cached ward page once the dashboard is told, and not before", async () => {
  const before = await wardPage();
  expect(before.status).toBe(200);
  expect(before.html).not.toContain(NEW_INDICATOR);
  await cachedPage(COMMITTEE_FORM); // kept by the front cache from here on
  expect((await cachedPage(COMMITTEE_FORM)).html).not.toContain(NEW_INDICATOR);
  expect((await cachedPage(NEW_TREND_EMBED)).status).toBe(404);
  expect((await cachedPage(NEW_SLIDE)).status).toBe(404);

  // The import lands, but its call to the dashboard is refused: the page stays as cached (stale by design),
  // answered by the front cache from memory.
  const refused = runImport("not-the-token");
  expect(refused.status, refused.output).toBe(0);
  expect(refused.output).toContain("answered 401");
  const stale = await wardPage();
  expect(stale.frontCache).toBe("HIT");
  expect(stale.html).not.toContain(NEW_INDICATOR);
  const staleForm = await cachedPage(COMMITTEE_FORM);
  expect(staleForm.frontCache).toBe("HIT");
  expect(staleForm.html).not.toContain(NEW_INDICATOR);
  expect((await cachedPage(NEW_TREND_EMBED)).status, "Next keeps the 404 until it is told").toBe(404);

  // Told with the token, the dashboard regenerates the page from the new data, and the front cache lets go
  // of the old one: what it answers from memory from then on is the new page.
  const told = await fetch(`${dashboard.base}/api/revalidate`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  expect(told.status).toBe(200);
  await expect.poll(async () => (await wardPage()).html.includes(NEW_INDICATOR), { timeout: 30_000 }).toBe(true);
  const fromMemory = await wardPage();
  expect(fromMemory.frontCache).toBe("HIT");
  expect(fromMemory.html).toContain(NEW_INDICATOR);
  // The committee form, the trend embed and the slide of the new indicator were regenerated too.
  for (const [path, shows] of [
    [COMMITTEE_FORM, NEW_INDICATOR],
    [NEW_TREND_EMBED, NEW_INDICATOR_TITLE],
    [NEW_SLIDE, NEW_INDICATOR],
  ] as const) {
    await expect.poll(async () => (await cachedPage(path)).html.includes(shows), { timeout: 30_000 }).toBe(true);
    const regenerated = await cachedPage(path);
    expect(regenerated.status, path).toBe(200);
    expect(regenerated.frontCache, path).toBe("HIT");
  }
});

test("the import CLI tells the dashboard itself when it has the token", async () => {
  // A corrected copy of the file replaces the source's rows; the CLI announces it and the page follows.
  expect((await wardPage()).html).not.toContain("47.9");
  const corrected = path.resolve(`${dashboard.databaseFile}-indicators.csv`);
  const rows = fs
    .readFileSync("docs/examples/indicators.csv", "utf8")
    .replace("33.0,30.1,36.0,330", "47.9,45.0,50.8,479");
  fs.writeFileSync(corrected, rows);
  try {
    const result = dashboard.runImport([
      "indicators",
      corrected,
      "--metadata",
      "docs/examples/indicators-metadata.csv",
      "--source-id",
      "import-indicators-indicators",
    ]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain(`Dashboard at ${dashboard.base}: pages will show the new data`);
    for (const path of [WARD, NEW_TREND_EMBED, NEW_SLIDE]) {
      await expect.poll(async () => (await cachedPage(path)).html.includes("47.9"), { timeout: 30_000 }).toBe(true);
      const fromMemory = await cachedPage(path);
      expect(fromMemory.frontCache, path).toBe("HIT");
      expect(fromMemory.html, path).toContain("47.9");
    }
  } finally {
    fs.rmSync(corrected, { force: true });
  }
});

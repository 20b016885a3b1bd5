// A council replaces the demo's synthetic survey and asset register with its own (--replace-demo) on a
// running dashboard: the "Synthetic" label leaves exactly the replaced indicators on the ward page, the
// indicator page, the API's JSON and CSV and the report images, and stays on the rest; the ward page
// shows the council's figures and register. Figures are read back from the database, never typed in.
import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/csv/parse-csv";
import { wcagViolations } from "./support/axe";
import { IMPORTS_NEED_SQLITE, startDashboardOnCopy, type DashboardOnCopy } from "./support/dashboard-on-copy";

const TOKEN = "e2e-replace-demo-token";
const WARD = "E05010807";
const LA = "E06000031";
const REPLACED = ["formal-volunteering", "belonging"] as const;
const KEPT = "informal-help";
const ASSET_INDICATORS = ["community-spaces", "active-groups"] as const;
const SYNTHETIC_FLAG = "[data-synthetic='true']";

let dashboard: DashboardOnCopy;

function read<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dashboard.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Fifteen respondents a ward, two questions, deterministic: a council's own survey for 2025. */
function writeSurvey(): { responses: string; mapping: string } {
  const wards = read<{ code: string }>(
    "SELECT code FROM Area WHERE type = 'ward' AND parentCode = ? ORDER BY code",
    LA,
  );
  const lines = ["respondent,area_code,period,weight,q_volunteer,q_belong"];
  let n = 0;
  wards.forEach(({ code }, w) => {
    for (let i = 0; i < 15; i++) {
      n++;
      lines.push(
        `${n},${code},2025,${1 + (i % 4) * 0.25},${(i + w) % 3 === 0 ? "Yes" : "No"},${i % 5 ? "Agree" : "Disagree"}`,
      );
    }
  });
  const responses = `${dashboard.databaseFile}-survey.csv`;
  const mapping = `${dashboard.databaseFile}-mapping.json`;
  fs.writeFileSync(responses, lines.join("\n") + "\n");
  fs.writeFileSync(
    mapping,
    JSON.stringify({
      questions: {
        q_volunteer: { indicator: "formal-volunteering", yes: ["Yes"], no: ["No"] },
        q_belong: { indicator: "belonging", yes: ["Agree"], no: ["Disagree"] },
      },
    }),
  );
  return { responses, mapping };
}

/** The demo's illustrative assets, every other one, renamed: the council's register, in known wards. */
function writeRegister(): string {
  const assets = read<{ name: string; category: string; lat: number; lon: number }>(
    "SELECT name, category, lat, lon FROM Asset WHERE synthetic = 1 ORDER BY id",
  ).filter((_, i) => i % 2 === 0);
  const file = `${dashboard.databaseFile}-register.csv`;
  fs.writeFileSync(
    file,
    "name,category,lat,lon\n" +
      assets
        .map((a) => `"Council ${a.name.replace(" (illustrative)", "")}",${a.category},${a.lat},${a.lon}`)
        .join("\n") +
      "\n",
  );
  return file;
}

async function wardRow(page: Page, slug: string) {
  return page.locator(`tr[data-indicator="${slug}"]`);
}

test.describe.configure({ mode: "serial" });
test.skip(IMPORTS_NEED_SQLITE, "imports into a copy of the SQLite test database");
test.setTimeout(180_000);

test.beforeAll(async () => {
  dashboard = await startDashboardOnCopy(19, TOKEN);
});

test.afterAll(async () => {
  await dashboard?.stop();
  for (const suffix of ["-survey.csv", "-mapping.json", "-register.csv"]) {
    if (dashboard) fs.rmSync(dashboard.databaseFile + suffix, { force: true });
  }
});

test("before: the survey and asset indicators are the demo's, labelled synthetic", async ({ page }) => {
  await page.goto(`${dashboard.base}/areas/${WARD}`);
  for (const slug of [...REPLACED, KEPT, ...ASSET_INDICATORS]) {
    await expect((await wardRow(page, slug)).locator(SYNTHETIC_FLAG), slug).toHaveCount(1);
  }
  await expect(page.getByTestId("asset-list")).toContainText("This register is illustrative");
});

test("an import without --replace-demo is refused and changes nothing", async () => {
  const before = fs.readFileSync(dashboard.databaseFile);
  const { responses, mapping } = writeSurvey();
  const refused = dashboard.runImport(["survey", responses, "--mapping", mapping]);
  expect(refused.status, refused.output).toBe(1);
  expect(refused.output).toContain('The demo\'s synthetic figures for "belonging"');
  expect(refused.output).toContain("--replace-demo");
  expect(fs.readFileSync(dashboard.databaseFile).equals(before), "the database is byte-identical").toBe(true);
});

test("after --replace-demo, the label leaves exactly the replaced indicators: pages, API, CSV and images", async ({
  page,
}) => {
  const { responses, mapping } = writeSurvey();
  const survey = dashboard.runImport(["survey", responses, "--mapping", mapping, "--replace-demo"]);
  expect(survey.status, survey.output).toBe(0);
  expect(survey.stdout).toContain("Replaces the demo's synthetic figures");
  const register = dashboard.runImport(["assets", writeRegister(), "--replace-demo", "--period", "2026"]);
  expect(register.status, register.output).toBe(0);
  expect(register.stdout).toContain("Replaces the demo's illustrative asset register");
  expect(register.stdout).toContain(`Dashboard at ${dashboard.base}: pages will show the new data`);

  // The ward page, regenerated after the CLI told the dashboard.
  const wardUrl = `${dashboard.base}/areas/${WARD}`;
  await expect
    .poll(async () => (await (await fetch(wardUrl)).text()).includes("This register is illustrative"), {
      timeout: 30_000,
    })
    .toBe(false);
  await page.goto(wardUrl);
  for (const slug of [...REPLACED, ...ASSET_INDICATORS]) {
    const row = await wardRow(page, slug);
    await expect(row.locator(SYNTHETIC_FLAG), slug).toHaveCount(0);
    const [figure] = read<{ period: string; lowerCi: number | null; upperCi: number | null }>(
      `SELECT period, lowerCi, upperCi FROM Observation WHERE indicatorSlug = ? AND areaCode = ? AND "group" = 'all' AND synthetic = 0`,
      slug,
      WARD,
    );
    expect(figure, `${slug} has the council's figure`).toBeTruthy();
    await expect(row.locator("td").first()).toHaveText(figure!.period);
    await expect(row).toHaveAttribute("data-lower", String(figure!.lowerCi ?? ""));
    await expect(row).toHaveAttribute("data-upper", String(figure!.upperCi ?? ""));
  }
  await expect((await wardRow(page, KEPT)).locator(SYNTHETIC_FLAG)).toHaveCount(1);
  const assetList = page.getByTestId("asset-list");
  await expect(assetList).not.toContainText("illustrative");
  await expect(assetList).toContainText("Council ");
  expect(await wcagViolations(page)).toEqual([]);

  // The indicator pages.
  await page.goto(`${dashboard.base}/indicators/belonging`);
  await expect(page.locator("main " + SYNTHETIC_FLAG)).toHaveCount(0);
  await page.goto(`${dashboard.base}/indicators/${KEPT}`);
  await expect(page.locator("main " + SYNTHETIC_FLAG).first()).toBeVisible();

  // The API: the indicator's flag, and every row of the downloads.
  for (const [slug, synthetic] of [
    ["belonging", false],
    ["community-spaces", false],
    [KEPT, true],
  ] as const) {
    const indicator = await (await fetch(`${dashboard.base}/api/v1/indicators/${slug}`)).json();
    expect(indicator.data.synthetic, slug).toBe(synthetic);
    const csv = parseCsv(
      await (await fetch(`${dashboard.base}/api/v1/observations?indicator=${slug}&format=csv`)).text(),
    );
    expect(csv.length, slug).toBeGreaterThan(0);
    expect(new Set(csv.map((row) => row.synthetic)), slug).toEqual(new Set([String(synthetic)]));
  }

  // The report images: the synthetic banner only on the indicator still synthetic.
  for (const [query, synthetic] of [
    ["map.svg?indicator=belonging", false],
    [`trend.svg?indicator=belonging&area=${WARD}`, false],
    ["map.svg?indicator=active-groups", false],
    [`map.svg?indicator=${KEPT}`, true],
  ] as const) {
    const svg = await (await fetch(`${dashboard.base}/api/v1/images/${query}`)).text();
    expect(svg.includes('data-part="synthetic-label"'), query).toBe(synthetic);
  }
});

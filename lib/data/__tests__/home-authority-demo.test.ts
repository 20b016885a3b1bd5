// The home authority, what it has figures for and where they come from, on the demo database (SQLite, or
// PostgreSQL under test:pg). Expectations are read from the database with raw SQL, not from the code.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createSeededDatabase } from "@/lib/db/__tests__/seeded-database";

type Modules = {
  home: typeof import("@/lib/data/home-authority");
  indicators: typeof import("@/lib/data/indicators");
  provenance: typeof import("@/lib/data/provenance");
  profile: typeof import("@/lib/data/ward-profile");
  assets: typeof import("@/lib/assets/asset-indicators");
  demo: typeof import("@/lib/demo-data/demo-area");
};
let m: Modules;
let query: Awaited<ReturnType<typeof createSeededDatabase>>["query"];
let cleanup: () => Promise<void>;

before(async () => {
  delete process.env.CIVIC_PULSE_HOME_AREA; // the demo's authority
  ({ query, cleanup } = await createSeededDatabase("home"));
  m = {
    home: await import("@/lib/data/home-authority"),
    indicators: await import("@/lib/data/indicators"),
    provenance: await import("@/lib/data/provenance"),
    profile: await import("@/lib/data/ward-profile"),
    assets: await import("@/lib/assets/asset-indicators"),
    demo: await import("@/lib/demo-data/demo-area"),
  };
});
after(() => cleanup?.());

const wardFigures = `FROM "Observation" o JOIN "Area" a ON a."code" = o."areaCode"
  WHERE a."parentCode" = ? AND a."type" = 'ward' AND a."successorCode" IS NULL`;

test("the home authority is named from the database", async () => {
  const [row] = await query<{ name: string }>('SELECT "name" FROM "Area" WHERE "code" = ?', m.demo.DEMO_LA.code);
  assert.deepEqual(await m.home.getHomeAuthority(), { code: m.demo.DEMO_LA.code, name: row!.name });
  assert.equal((await m.home.getHomeDataStatus()).wards > 0, true);
});

test("the indicators offered are those with a whole-population figure for the authority's wards", async () => {
  const { code } = m.demo.DEMO_LA;
  const expected = await query<{ slug: string }>(
    `SELECT DISTINCT o."indicatorSlug" AS slug ${wardFigures} AND o."group" = 'all' ORDER BY slug`,
    code,
  );
  const offered = await m.indicators.listIndicatorsWithFigures(code);
  assert.deepEqual(
    offered.map((i) => i.slug).sort(),
    expected.map((r) => r.slug),
  );
  // An authority the database does not hold has none.
  assert.deepEqual(await m.indicators.listIndicatorsWithFigures("E06000099"), []);
});

test("the footer's provenance: every source of what is shown, and which illustrative data remains", async () => {
  const { code } = m.demo.DEMO_LA;
  const figureSources = await query<{ id: string }>(`SELECT DISTINCT o."sourceId" AS id ${wardFigures}`, code);
  const provenance = await m.provenance.getHomeProvenance(code);
  const ids = new Set(provenance.sources.map((s) => s.id));
  for (const { id } of figureSources) assert.ok(ids.has(id), `${id} is credited`);
  const synthetic = await query<{ slug: string }>(
    `SELECT DISTINCT o."indicatorSlug" AS slug ${wardFigures} AND o."synthetic" = ?`,
    code,
    true,
  );
  const assetSlugs: readonly string[] = m.assets.ASSET_INDICATOR_SLUGS;
  assert.equal(provenance.syntheticIndicators, synthetic.filter((r) => !assetSlugs.includes(r.slug)).length);
  assert.ok(provenance.syntheticIndicators > 0);
  assert.equal(provenance.syntheticAssetRegister, true);
});

test("an indicator's figures are credited to the sources they are stored under", async () => {
  const { code } = m.demo.DEMO_LA;
  const [{ slug }] = (await query<{ slug: string }>('SELECT "slug" FROM "Indicator" ORDER BY "slug" LIMIT 1')) as [
    { slug: string },
  ];
  const stored = await query<{ id: string }>(
    `SELECT DISTINCT o."sourceId" AS id FROM "Observation" o JOIN "Area" a ON a."code" = o."areaCode"
     WHERE o."indicatorSlug" = ? AND (a."code" = ? OR (a."parentCode" = ? AND a."type" = 'ward' AND a."successorCode" IS NULL))
     ORDER BY id`,
    slug,
    code,
    code,
  );
  const credited = await m.provenance.getIndicatorFigureSources(code, slug);
  assert.deepEqual(
    credited.map((s) => s.id),
    stored.map((r) => r.id),
  );
});

test("a ward profile lists the sources of its figures, boundary and assets", async () => {
  const [ward] = (await query<{ code: string }>(
    `SELECT "code" FROM "Area" WHERE "type" = 'ward' AND "parentCode" = ? ORDER BY "code" LIMIT 1`,
    m.demo.DEMO_LA.code,
  )) as [{ code: string }];
  const profile = (await m.profile.getWardProfile(ward.code))!;
  const ids = new Set(profile.sources.map((s) => s.id));
  const expected = await query<{ id: string }>(
    `SELECT "sourceId" AS id FROM "Observation" WHERE "areaCode" = ? AND "group" = 'all'
     UNION SELECT "sourceId" FROM "Asset" WHERE "areaCode" = ?
     UNION SELECT "sourceId" FROM "Area" WHERE "code" = ? AND "sourceId" IS NOT NULL`,
    ward.code,
    ward.code,
    ward.code,
  );
  for (const { id } of expected) assert.ok(ids.has(id), `${id} is listed`);
});

// The data layer against a real database (SQLite, or PostgreSQL under test:pg): migrated, seeded, then queried as the pages query it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createSeededDatabase } from "@/lib/db/__tests__/seeded-database";

// Imported after createSeededDatabase sets DATABASE_URL: lib/db/client opens the database named there.
type Modules = {
  explorer: typeof import("@/lib/data/explorer");
  profile: typeof import("@/lib/data/ward-profile");
  indicators: typeof import("@/lib/data/indicators");
  seed: typeof import("@/lib/demo-data/seed-demo");
  search: typeof import("@/lib/data/search");
  trends: typeof import("@/lib/data/trends");
  committee: typeof import("@/lib/data/committee");
  client: typeof import("@/lib/db/client");
};
let m: Modules;

async function tableSnapshot(): Promise<Record<string, number>> {
  const count = async (table: string) => (await query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))[0]!.n;
  const [valueSum] = await query<{ s: number }>('SELECT COALESCE(SUM(value), 0) AS s FROM "Observation"');
  return {
    areas: await count("Area"),
    indicators: await count("Indicator"),
    observations: await count("Observation"),
    assets: await count("Asset"),
    sources: await count("Source"),
    valueSum: Math.round(valueSum!.s * 1000),
  };
}

let query: Awaited<ReturnType<typeof createSeededDatabase>>["query"];
let cleanup: () => Promise<void>;

before(async () => {
  ({ query, cleanup } = await createSeededDatabase("data"));
  m = {
    explorer: await import("@/lib/data/explorer"),
    profile: await import("@/lib/data/ward-profile"),
    indicators: await import("@/lib/data/indicators"),
    seed: await import("@/lib/demo-data/seed-demo"),
    search: await import("@/lib/data/search"),
    trends: await import("@/lib/data/trends"),
    committee: await import("@/lib/data/committee"),
    client: await import("@/lib/db/client"),
  };
});

after(() => cleanup?.());

test("seeding twice leaves exactly the same rows, and keeps rows from other sources", async () => {
  const { db } = m.client;
  await db.source.create({
    data: { id: "council-import-test", title: "Imported", publisher: "A council", licence: "OGL", attribution: "x" },
  });
  await db.observation.create({
    data: {
      indicatorSlug: "belonging",
      areaCode: "E05010805",
      period: "2026",
      value: 50,
      sourceId: "council-import-test",
    },
  });
  const first = await tableSnapshot();
  await m.seed.seedDemoDatabase(db);
  assert.deepEqual(await tableSnapshot(), first);
  assert.equal(await db.observation.count({ where: { sourceId: "council-import-test" } }), 1);
  await db.observation.deleteMany({ where: { sourceId: "council-import-test" } });
  await db.source.delete({ where: { id: "council-import-test" } });
});

test("every synthetic indicator's rows are flagged synthetic, and real ones are not", async () => {
  const [mismatched] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Observation" o JOIN "Indicator" i ON i.slug = o."indicatorSlug"
     WHERE o.synthetic != i.synthetic`,
  );
  const [syntheticSources] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Observation" o JOIN "Source" s ON s.id = o."sourceId" WHERE o.synthetic != s.synthetic`,
  );
  assert.equal(mismatched!.n, 0);
  assert.equal(syntheticSources!.n, 0);
});

test("the explorer view has every ward of Peterborough with the latest period by default", async () => {
  const view = await m.explorer.getExplorerView("E06000031", "formal-volunteering");
  assert.ok(view);
  assert.equal(view.wards.length, 22);
  assert.deepEqual(view.periods, ["2021", "2022", "2023", "2024", "2025"]);
  assert.equal(view.period, "2025");
  assert.equal(view.parent.name, "Peterborough");
  assert.ok(view.parent.observation?.value);
  assert.ok(view.wards.every((w) => w.geometry.type === "Polygon" || w.geometry.type === "MultiPolygon"));
  assert.ok(view.wards.every((w) => w.observation === null || w.observation.period === "2025"));
  assert.equal(view.indicator.source.synthetic, true);
});

test("the explorer view is null for an unknown indicator, period or area", async () => {
  assert.equal(await m.explorer.getExplorerView("E06000031", "no-such-indicator"), null);
  assert.equal(await m.explorer.getExplorerView("E06000031", "formal-volunteering", "1999"), null);
  assert.equal(await m.explorer.getExplorerView("E06999999", "formal-volunteering"), null);
  // A real indicator with one period only.
  const carers = await m.explorer.getExplorerView("E06000031", "unpaid-carers");
  assert.deepEqual(carers?.periods, ["2021"]);
});

test("a ward profile compares every indicator with the local authority in the same period", async () => {
  const profile = await m.profile.getWardProfile("E05010805");
  assert.ok(profile);
  assert.equal(profile.area.name, "Barnack");
  assert.equal(profile.parent.code, "E06000031");
  const indicators = await m.indicators.listIndicators();
  assert.equal(profile.comparisons.length, indicators.length);
  for (const c of profile.comparisons) {
    assert.ok(c.ward, `${c.indicator.slug} has a ward figure`);
    assert.equal(c.parent?.period, c.ward.period, `${c.indicator.slug} compares like with like`);
  }
  assert.ok(profile.assets.length > 0);
  assert.ok(profile.assets.every((a) => a.synthetic));
});

test("ward profiles are only for wards", async () => {
  assert.equal(await m.profile.getWardProfile("E06000031"), null);
  assert.equal(await m.profile.getWardProfile("E05999999"), null);
});

test("a trend has one point per period for the ward and its local authority", async () => {
  const trend = await m.trends.getAreaTrend("E05010805", "E06000031", "belonging");
  assert.deepEqual(
    trend.map((p) => p.period),
    ["2021", "2022", "2023", "2024", "2025"],
  );
  assert.ok(trend.every((p) => p.area?.areaCode === "E05010805" && p.benchmark?.areaCode === "E06000031"));
});

test("the trend embed and image get a ward's trend against its authority, or say what is missing", async () => {
  const view = await m.trends.getAreaTrendView("E05010805", "belonging");
  assert.ok(typeof view !== "string");
  assert.equal(view.indicator.slug, "belonging");
  assert.deepEqual(view.area, { code: "E05010805", name: "Barnack", type: "ward" });
  assert.equal(view.benchmark?.code, "E06000031");
  assert.deepEqual(view.points, await m.trends.getAreaTrend("E05010805", "E06000031", "belonging"));
  assert.equal(await m.trends.getAreaTrendView("E05010805", "no-such-indicator"), "unknown-indicator");
  assert.equal(await m.trends.getAreaTrendView("E05999999", "belonging"), "unknown-area");
  // The region is stored (the authority's parent) but has no figures of its own.
  const [region] = await query<{ code: string }>(`SELECT code FROM "Area" WHERE type = 'region'`);
  assert.equal(await m.trends.getAreaTrendView(region!.code, "belonging"), "no-figures");
});

test("committee mode offers the authority's current wards by name, and every indicator", async () => {
  const { wards, indicators } = await m.committee.getCommitteeChoices("E06000031");
  const current = await query<{ code: string }>(
    `SELECT code FROM "Area" WHERE "parentCode" = 'E06000031' AND type = 'ward' AND "successorCode" IS NULL`,
  );
  assert.deepEqual(wards.map((w) => w.code).sort(), current.map((w) => w.code).sort());
  assert.deepEqual(
    wards.map((w) => w.name),
    [...wards.map((w) => w.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  assert.deepEqual(indicators, await m.indicators.listIndicators());
});

test("ward search matches parts of names in any case and order, and codes", async () => {
  const names = async (q: string) => (await m.search.searchWards(q)).map((r) => r.name);
  assert.deepEqual(await names("orton"), ["Orton Longueville", "Orton Waterville"]);
  assert.deepEqual(await names("WATER orton"), ["Orton Waterville"]);
  assert.deepEqual(await names("e05010807"), ["Central"]);
  // Names starting with the text come before names merely containing it.
  const fletton = await names("Fletton");
  assert.ok(fletton.length === 2 && fletton.every((n) => n.startsWith("Fletton")));
  const and = await names("and");
  assert.ok(and.includes("Fletton and Stanground") && and.includes("Glinton and Castor"));
  assert.deepEqual(await names("zzz"), []);
  assert.deepEqual(await names("   "), []);
  assert.deepEqual(await names("%"), [], "LIKE wildcards are matched literally");
  assert.deepEqual(await names("E05010807\0"), [], "a NUL byte matches nothing (and is no error on PostgreSQL)");
});

// A council's first run: CIVIC_PULSE_HOME_AREA names an authority the database does not hold yet, and the
// database has the indicator catalogue alone (scripts/db/setup.ts). Every query the pages make must answer
// "nothing yet" rather than fail, so that the build and the pages still work. On a real database.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createEmptyDatabase } from "@/lib/db/__tests__/seeded-database";

const HOME = "E06000099";
let drop: () => Promise<void>;
let disconnect: () => Promise<void>;

before(async () => {
  const database = await createEmptyDatabase("catalogue_only");
  drop = database.drop;
  process.env.DATABASE_URL = database.url;
  process.env.CIVIC_PULSE_HOME_AREA = HOME;
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  await applyMigrations(database.url);
  const { db } = await import("@/lib/db/client");
  disconnect = () => db.$disconnect();
  const { seedCatalogue } = await import("@/lib/demo-data/seed-demo");
  await seedCatalogue(db);
});
after(async () => {
  await disconnect?.();
  await drop?.();
  delete process.env.CIVIC_PULSE_HOME_AREA;
});

test("the home authority is known by its code until its boundary is imported", async () => {
  const home = await import("@/lib/data/home-authority");
  const authority = await home.getHomeAuthority();
  assert.deepEqual(authority, { code: HOME, name: null });
  assert.equal(home.authorityLabel(authority), HOME);
  assert.deepEqual(await home.getHomeDataStatus(), { authority, wards: 0 });
  const chrome = await home.getSiteChromeData();
  assert.deepEqual(chrome.provenance, { sources: [], syntheticIndicators: 0, syntheticAssetRegister: false });
});

test("nothing is offered, and every view is empty rather than an error", async () => {
  const { listIndicatorsWithFigures, listIndicators } = await import("@/lib/data/indicators");
  const { defaultIndicatorSlug } = await import("@/lib/indicators/catalogue");
  const { getExplorerView } = await import("@/lib/data/explorer");
  const { getCommitteeChoices } = await import("@/lib/data/committee");
  const { listWideningGaps } = await import("@/lib/data/inequality");
  const { getIndicatorFigureSources } = await import("@/lib/data/provenance");
  assert.ok((await listIndicators()).length > 0, "the catalogue is there");
  const offered = await listIndicatorsWithFigures(HOME);
  assert.deepEqual(offered, []);
  assert.equal(defaultIndicatorSlug(offered), null);
  const [first] = await listIndicators();
  assert.equal(await getExplorerView(HOME, first!.slug), null);
  assert.deepEqual(await getCommitteeChoices(HOME), { wards: [], indicators: [] });
  assert.deepEqual(await listWideningGaps(HOME), []);
  assert.deepEqual(await getIndicatorFigureSources(HOME, first!.slug), []);
});

test("the default indicator is the headline one when it has figures, else the first in catalogue order", async () => {
  const { DEFAULT_INDICATOR_SLUG, INDICATOR_CATALOGUE, defaultIndicatorSlug } =
    await import("@/lib/indicators/catalogue");
  const others = INDICATOR_CATALOGUE.filter((i) => i.slug !== DEFAULT_INDICATOR_SLUG);
  assert.equal(defaultIndicatorSlug([...others, { slug: DEFAULT_INDICATOR_SLUG }]), DEFAULT_INDICATOR_SLUG);
  assert.equal(defaultIndicatorSlug(others.slice(3)), others[3]!.slug);
});

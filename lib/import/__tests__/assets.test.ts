// Assets placed by point-in-polygon: the demo's own assets (generated inside known wards) are
// exported, imported back and must land in the same wards, from lat/lon or from grid metres.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readCategory } from "@/lib/import/assets";
import { wgs84ToBng } from "@/lib/import/british-national-grid";
import { runImport } from "@/lib/import/run-import";
import { query, seededTemplate, writeFile, type TestDatabases } from "./helpers";

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

interface DemoAsset {
  id: string;
  category: string;
  lat: number;
  lon: number;
  areaCode: string;
}

function demoAssets(databaseFile: string): DemoAsset[] {
  return query<DemoAsset>(
    databaseFile,
    "SELECT id, category, lat, lon, areaCode FROM Asset WHERE sourceId = 'civic-pulse-synthetic-assets' ORDER BY id",
  );
}

test("categories are accepted by key or label, in any case", () => {
  assert.equal(readCategory("library"), "library");
  assert.equal(readCategory("Community hall"), "community-hall");
  assert.equal(readCategory("  SPORTS CLUB "), "sports-club");
  assert.equal(readCategory("Residents' association"), "residents-association");
  assert.equal(readCategory("chess-club"), null);
});

test("every demo asset, imported from lat/lon, lands in the ward it was generated in", async () => {
  const databaseFile = dbs.copy();
  const assets = demoAssets(databaseFile);
  assert.ok(assets.length > 100);
  const file = writeFile(
    dbs.dir,
    "register.csv",
    "ID,Name,Category,Latitude,Longitude\n" +
      assets.map((a, i) => `${a.id},Asset ${i},${a.category},${a.lat},${a.lon}`).join("\n") +
      "\n",
  );
  const outcome = await runImport({ kind: "assets", file, databaseFile });
  assert.equal(
    outcome.status,
    "imported",
    JSON.stringify(outcome.status === "invalid" && outcome.problems.items.slice(0, 3)),
  );
  const placed = new Map(
    query<{ id: string; areaCode: string; synthetic: number }>(
      databaseFile,
      "SELECT id, areaCode, synthetic FROM Asset WHERE sourceId = 'import-assets-register'",
    ).map((row) => [row.id, row]),
  );
  assert.equal(placed.size, assets.length);
  for (const asset of assets) {
    const row = placed.get(`import-assets-register:${asset.id}`);
    assert.equal(row?.areaCode, asset.areaCode, asset.id);
    assert.equal(row?.synthetic, 0);
  }
});

test("grid references (easting, northing) place assets in the same wards", async () => {
  const databaseFile = dbs.copy();
  const assets = demoAssets(databaseFile).filter((_, i) => i % 5 === 0);
  const file = writeFile(
    dbs.dir,
    "grid-register.csv",
    "name,category,easting,northing\n" +
      assets
        .map((a, i) => {
          const [e, n] = wgs84ToBng(a.lon, a.lat);
          return `Grid asset ${i},${a.category},${e.toFixed(2)},${n.toFixed(2)}`;
        })
        .join("\n") +
      "\n",
  );
  const outcome = await runImport({ kind: "assets", file, databaseFile });
  assert.equal(outcome.status, "imported");
  const rows = query<{ name: string; areaCode: string; lat: number; lon: number }>(
    databaseFile,
    "SELECT name, areaCode, lat, lon FROM Asset WHERE sourceId = 'import-assets-grid-register'",
  );
  assert.equal(rows.length, assets.length);
  for (const row of rows) {
    const original = assets[Number(row.name.replace("Grid asset ", ""))]!;
    assert.equal(row.areaCode, original.areaCode, row.name);
    assert.ok(Math.abs(row.lat - original.lat) < 1e-5 && Math.abs(row.lon - original.lon) < 1e-5);
  }
});

test("without ids, identical rows are refused as repeats; a corrected register replaces the old one", async () => {
  const databaseFile = dbs.copy();
  const [a, b] = demoAssets(databaseFile);
  const file = writeFile(
    dbs.dir,
    "halls.csv",
    `name,category,lat,lon\nHall,community-hall,${a!.lat},${a!.lon}\nHall,community-hall,${a!.lat},${a!.lon}\n`,
  );
  const repeated = await runImport({ kind: "assets", file, databaseFile });
  assert.equal(repeated.status, "invalid");
  if (repeated.status === "invalid") {
    assert.match(repeated.problems.items[0]!.message, /repeats line 2 \(same name, category and position\)/);
  }
  writeFile(dbs.dir, "halls.csv", `name,category,lat,lon\nHall,community-hall,${a!.lat},${a!.lon}\n`);
  assert.equal((await runImport({ kind: "assets", file, databaseFile })).status, "imported");
  writeFile(dbs.dir, "halls.csv", `name,category,lat,lon\nNew hall,community-hall,${b!.lat},${b!.lon}\n`);
  const replaced = await runImport({ kind: "assets", file, databaseFile });
  assert.equal(replaced.status, "replaced");
  assert.deepEqual(query(databaseFile, "SELECT name, areaCode FROM Asset WHERE sourceId = 'import-assets-halls'"), [
    { name: "New hall", areaCode: b!.areaCode },
  ]);
});

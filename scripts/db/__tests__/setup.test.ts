// First run of npm start / db:setup: the demo for the demo's home area, the indicator catalogue alone
// for any other authority, and nothing at all on later runs. On real SQLite files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { DEMO_LA } from "@/lib/demo-data/demo-area";
import { INDICATOR_CATALOGUE } from "@/lib/indicators/catalogue";
import { setupDatabase } from "../setup";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-setup-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return {
      areas: count("Area"),
      indicators: count("Indicator"),
      observations: count("Observation"),
      assets: count("Asset"),
    };
  } finally {
    db.close();
  }
}

async function setUp(file: string, homeArea: string | undefined) {
  const saved = { url: process.env.DATABASE_URL, home: process.env.CIVIC_PULSE_HOME_AREA };
  process.env.DATABASE_URL = `file:${file}`;
  if (homeArea === undefined) delete process.env.CIVIC_PULSE_HOME_AREA;
  else process.env.CIVIC_PULSE_HOME_AREA = homeArea;
  const said: string[] = [];
  try {
    await setupDatabase((line) => said.push(line));
  } finally {
    for (const [key, value] of [
      ["DATABASE_URL", saved.url],
      ["CIVIC_PULSE_HOME_AREA", saved.home],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return said.join("\n");
}

test("another authority's first run gets the indicator catalogue and nothing of the demo's", async () => {
  const file = path.join(dir, "council.db");
  const said = await setUp(file, "E06000099");
  assert.deepEqual(counts(file), { areas: 0, indicators: INDICATOR_CATALOGUE.length, observations: 0, assets: 0 });
  assert.match(said, /E06000099/);
  assert.match(said, /npm run import/);
  assert.doesNotMatch(said, new RegExp(DEMO_LA.name));

  // A later start finds indicators and leaves the database as it is, even with no areas yet.
  const before = fs.readFileSync(file);
  assert.equal(await setUp(file, "E06000099"), "");
  assert.ok(before.equals(fs.readFileSync(file)), "the second run changes no byte");
});

test("the demo's home area (the default) seeds the demo on first run", async () => {
  const file = path.join(dir, "demo.db");
  const said = await setUp(file, undefined);
  const seeded = counts(file);
  assert.ok(seeded.areas > 20 && seeded.observations > 1000 && seeded.assets > 100, JSON.stringify(seeded));
  assert.equal(seeded.indicators, INDICATOR_CATALOGUE.length);
  assert.match(said, new RegExp(`seeding the ${DEMO_LA.name} demo data`));
});

test("npm run db:seed refuses a council's database, changing nothing", async () => {
  const file = path.join(dir, "council-seed.db");
  await setUp(file, "E06000099");
  const before = fs.readFileSync(file);
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/seed.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${file}`, CIVIC_PULSE_HOME_AREA: "E06000099" },
  });
  assert.equal(seeded.status, 1, seeded.stdout + seeded.stderr);
  assert.match(seeded.stderr, /CIVIC_PULSE_HOME_AREA is E06000099.*nothing was changed/);
  assert.ok(before.equals(fs.readFileSync(file)), "the database is byte-identical");
});

// Test helper (not a test): a migrated database seeded with the demo data. On PostgreSQL when the
// suite runs under `npm run test:pg` (TEST_POSTGRES_URL names a database on a server where the
// tests may create databases), a fresh database civic_pulse_<name>_<random> there; otherwise a
// SQLite file in a temp folder.
// Sets DATABASE_URL before lib/db/client is first imported, so every data module uses this database.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/db/database-url";

/** The environment variable through which `npm run test:pg` hands the suite its PostgreSQL server. */
export const TEST_POSTGRES_URL_VARIABLE = "TEST_POSTGRES_URL";

/** A database URL on the test PostgreSQL server, or undefined when the suite runs on SQLite only. */
export function testPostgresUrl(): string | undefined {
  return process.env[TEST_POSTGRES_URL_VARIABLE]?.trim() || undefined;
}

/** The provider the database-backed tests run on in this run. */
export function testProvider(): DatabaseProvider {
  return testPostgresUrl() ? "postgresql" : "sqlite";
}

async function onPostgresServer(serverUrl: string, sql: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty database for one test file: `provider` picks the engine (default: the run's). Returns
 * its URL and drop(), which deletes it.
 */
export async function createEmptyDatabase(name: string, provider = testProvider()) {
  if (provider === "postgresql") {
    const serverUrl = testPostgresUrl();
    if (!serverUrl)
      throw new Error(`A PostgreSQL test database needs ${TEST_POSTGRES_URL_VARIABLE} (npm run test:pg).`);
    const database = `civic_pulse_${name.replace(/\W/g, "_").toLowerCase()}_${crypto.randomBytes(4).toString("hex")}`;
    await onPostgresServer(serverUrl, `CREATE DATABASE "${database}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return {
      url: url.toString(),
      provider,
      drop: () => onPostgresServer(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `civic-pulse-${name}-`));
  return {
    url: `file:${path.join(dir, `${name}.db`)}`,
    provider,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export async function createSeededDatabase(name: string) {
  const database = await createEmptyDatabase(name);
  process.env.DATABASE_URL = database.url;
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  await applyMigrations(database.url);
  const { db } = await import("@/lib/db/client");
  const { seedDemoDatabase } = await import("@/lib/demo-data/seed-demo");
  await seedDemoDatabase(db);
  const { openRawDatabase } = await import("@/lib/db/engine-sql");
  const raw = await openRawDatabase(database.url);
  return {
    url: database.url,
    provider: database.provider,
    db,
    /** Raw SQL on the same database, for expectations read independently of the code under test. */
    query: raw.query,
    async cleanup() {
      await raw.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}

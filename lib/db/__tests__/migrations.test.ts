import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openRawDatabase } from "@/lib/db/engine-sql";
import { applyMigrations, pendingSchemaChange, readMigrationsList } from "@/lib/db/schema-engine";
import { PROVIDER_FILES, postgresSchemaFrom } from "@/lib/db/schema-files";
import { createEmptyDatabase, testPostgresUrl } from "@/lib/db/__tests__/seeded-database";

const NO_POSTGRES = testPostgresUrl() ? false : "no PostgreSQL server for this run (npm run test:pg provides one)";
const migrationNames = (provider: "sqlite" | "postgresql") =>
  readMigrationsList(process.cwd(), provider).migrationDirectories.map((d) => d.path);

test("schema.prisma and prisma/migrations are in step (run npm run db:migration:create -- <name> if not)", async () => {
  const { inStep, sql } = await pendingSchemaChange();
  assert.equal(inStep, true, `schema.prisma has changes no migration holds:\n${sql}`);
});

test("the PostgreSQL migrations have the same names, in the same order, as the SQLite ones", () => {
  const sqlite = migrationNames("sqlite");
  assert.ok(sqlite.length > 0);
  assert.deepEqual(migrationNames("postgresql"), sqlite);
  const lock = fs.readFileSync(path.join(PROVIDER_FILES.postgresql.migrationsDir, "migration_lock.toml"), "utf8");
  assert.match(lock, /provider = "postgresql"/);
});

test("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (run npm run db:generate if not)", () => {
  const sqlite = fs.readFileSync(PROVIDER_FILES.sqlite.schemaPath, "utf8");
  const derived = postgresSchemaFrom(sqlite);
  assert.equal(fs.readFileSync(PROVIDER_FILES.postgresql.schemaPath, "utf8"), derived);
  assert.match(derived, /provider = "postgresql"/);
  assert.doesNotMatch(derived, /provider = "sqlite"/);
  // Same models and fields: only the provider and the client's folder differ.
  const body = (schema: string) =>
    schema
      .replace(/^\/\/ GENERATED[^\n]*\n\/\/[^\n]*\n\n/, "")
      .replace(/"(sqlite|postgresql)"/, '"?"')
      .replace(/output\s*=\s*"[^"]*"/, "output");
  assert.equal(body(derived), body(sqlite));
});

test("applying migrations records them like prisma migrate deploy, and a second run applies nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-migrate-"));
  const file = path.join(dir, "test.db");
  try {
    const names = migrationNames("sqlite");
    assert.ok(names.length > 0);
    assert.deepEqual(await applyMigrations(file), names);
    assert.deepEqual(await applyMigrations(file), []);
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name")
      .all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    db.close();
    assert.deepEqual(
      rows.map((r) => r.migration_name),
      names,
    );
    assert.ok(rows.every((r) => r.finished_at));
    for (const table of ["Area", "Indicator", "Observation", "Asset", "Source"]) {
      assert.ok(
        tables.some((t) => t.name === table),
        `table ${table} exists`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(
  "PostgreSQL: prisma/postgresql/migrations applied to an empty database give no drift against its schema",
  { skip: NO_POSTGRES },
  async () => {
    const { inStep, sql } = await pendingSchemaChange(process.cwd(), "postgresql", testPostgresUrl());
    assert.equal(inStep, true, `prisma/postgresql/schema.prisma has changes no migration holds:\n${sql}`);
  },
);

test(
  "PostgreSQL: applying migrations records them in _prisma_migrations, and a second run applies nothing",
  { skip: NO_POSTGRES },
  async () => {
    const database = await createEmptyDatabase("migrate", "postgresql");
    try {
      const names = migrationNames("postgresql");
      assert.deepEqual(await applyMigrations(database.url), names);
      assert.deepEqual(await applyMigrations(database.url), []);
      const raw = await openRawDatabase(database.url);
      try {
        const rows = await raw.query<{ migration_name: string; finished_at: Date | null }>(
          "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
        );
        assert.deepEqual(
          rows.map((r) => r.migration_name),
          names,
        );
        assert.ok(rows.every((r) => r.finished_at));
        const tables = await raw.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        for (const table of ["Area", "Indicator", "Observation", "Asset", "Source", "ImportBatch"]) {
          assert.ok(
            tables.some((t) => t.name === table),
            `table ${table} exists`,
          );
        }
      } finally {
        await raw.close();
      }
    } finally {
      await database.drop();
    }
  },
);

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations, pendingSchemaChange, readMigrationsList } from "@/lib/db/schema-engine";

test("schema.prisma and prisma/migrations are in step (run npm run db:migration:create -- <name> if not)", async () => {
  const { inStep, sql } = await pendingSchemaChange();
  assert.equal(inStep, true, `schema.prisma has changes no migration holds:\n${sql}`);
});

test("applying migrations records them like prisma migrate deploy, and a second run applies nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-migrate-"));
  const file = path.join(dir, "test.db");
  try {
    const names = readMigrationsList().migrationDirectories.map((d) => d.path);
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

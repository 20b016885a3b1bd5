// Shared set-up for the import tests: a real SQLite file, migrated and seeded with the demo data
// once per test file, copied afresh for each test that writes.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_SOURCES } from "@/lib/demo-data/sources";

export const FIXTURES = path.join(__dirname, "fixtures");
export const EXAMPLES = path.join(process.cwd(), "docs", "examples");

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function example(name: string): string {
  return path.join(EXAMPLES, name);
}

export interface TestDatabases {
  dir: string;
  /** A fresh copy of the migrated, seeded template. */
  copy(name?: string): string;
  cleanup(): void;
}

/** Migrates and seeds one template database in a temporary folder. */
export async function seededTemplate(): Promise<TestDatabases> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-import-"));
  const template = path.join(dir, "template.db");
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  const { createDb } = await import("@/lib/db/client");
  const { seedDemoDatabase } = await import("@/lib/demo-data/seed-demo");
  await applyMigrations(template);
  const db = createDb(`file:${template}`);
  try {
    await seedDemoDatabase(db);
  } finally {
    await db.$disconnect();
  }
  let copies = 0;
  return {
    dir,
    copy(name = `copy-${++copies}.db`) {
      const file = path.join(dir, name);
      fs.copyFileSync(template, file);
      return file;
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the demo seed again on a database file, as `npm run db:seed` does. */
export async function reseedDemo(file: string): Promise<void> {
  const { createDb } = await import("@/lib/db/client");
  const { seedDemoDatabase } = await import("@/lib/demo-data/seed-demo");
  const db = createDb(`file:${file}`);
  try {
    await seedDemoDatabase(db);
  } finally {
    await db.$disconnect();
  }
}

export function sha256OfFile(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Writes a file into the test folder and returns its path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A digest of every row the demo seed wrote: imports must never change it. */
export function demoRowsDigest(file: string): string {
  const ids = DEMO_SOURCES.map((s) => s.id);
  const marks = ids.map(() => "?").join(",");
  const parts = [
    query(file, `SELECT * FROM Source WHERE id IN (${marks}) ORDER BY id`, ...ids).map((row) => ({
      ...(row as object),
      importedAt: null,
    })),
    query(file, `SELECT * FROM Observation WHERE sourceId IN (${marks}) ORDER BY id`, ...ids),
    query(file, `SELECT * FROM Indicator WHERE sourceId IN (${marks}) ORDER BY slug`, ...ids),
    query(file, `SELECT * FROM Asset WHERE sourceId IN (${marks}) ORDER BY id`, ...ids),
    query(file, `SELECT * FROM Area WHERE sourceId IS NULL OR sourceId IN (${marks}) ORDER BY code`, ...ids),
  ];
  return crypto.createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

// db:copy against real databases: a seeded SQLite file (plus an import record) copied into an empty
// PostgreSQL database reads back identically through Prisma, row for row; new rows get fresh ids;
// a target that already holds rows is refused and left unchanged. Runs under npm run test:pg.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createEmptyDatabase, testPostgresUrl } from "@/lib/db/__tests__/seeded-database";
import { seedDemoDatabase } from "@/lib/demo-data/seed-demo";
import { copySqliteToPostgres } from "../copy-to-postgres";

const skip = testPostgresUrl() ? false : "no PostgreSQL server for this run (npm run test:pg)";
let sqlite: Awaited<ReturnType<typeof createEmptyDatabase>>;
let postgres: Awaited<ReturnType<typeof createEmptyDatabase>>;
let from: Db;
let to: Db;

before(async () => {
  if (skip) return;
  sqlite = await createEmptyDatabase("copy_source", "sqlite");
  postgres = await createEmptyDatabase("copy_target", "postgresql");
  await applyMigrations(sqlite.url);
  from = createDb(sqlite.url);
  to = createDb(postgres.url);
  await seedDemoDatabase(from);
  await from.importBatch.create({
    data: {
      kind: "indicators",
      fileName: "council.csv",
      fileSha256: "a".repeat(64),
      inputSha256: "b".repeat(64),
      rowsRead: 3,
      rowsWritten: 3,
      status: "imported",
      startedAt: new Date("2026-05-01T10:00:00.123Z"),
      finishedAt: new Date("2026-05-01T10:00:01.456Z"),
      sourceId: "census2021-ts039",
    },
  });
});

after(async () => {
  await from?.$disconnect();
  await to?.$disconnect();
  await sqlite?.drop();
  await postgres?.drop();
});

test("a copy reads back through Prisma exactly as the source does, table by table", { skip }, async () => {
  const counts = await copySqliteToPostgres(sqlite.url, postgres.url, () => {});
  const both = async <T>(read: (db: Db) => Promise<T>) => [await read(from), await read(to)] as const;
  const tables = {
    Source: (db: Db) => db.source.findMany({ orderBy: { id: "asc" } }),
    Area: (db: Db) => db.area.findMany({ orderBy: { code: "asc" } }),
    Indicator: (db: Db) => db.indicator.findMany({ orderBy: { slug: "asc" } }),
    Observation: (db: Db) => db.observation.findMany({ orderBy: { id: "asc" } }),
    Asset: (db: Db) => db.asset.findMany({ orderBy: { id: "asc" } }),
    ImportBatch: (db: Db) => db.importBatch.findMany({ orderBy: { id: "asc" } }),
  };
  for (const [name, read] of Object.entries(tables)) {
    const [expected, actual] = await both(read as (db: Db) => Promise<unknown[]>);
    assert.ok(expected.length > 0, `${name} has rows to copy`);
    assert.equal(counts[name], expected.length, `${name}: rows reported`);
    assert.deepEqual(actual, expected, `${name} differs after the copy`);
  }
});

test("after a copy, new rows get ids after the copied ones", { skip }, async () => {
  const highest = (await from.observation.findFirst({ orderBy: { id: "desc" } }))!.id;
  const created = await to.observation.create({
    data: { indicatorSlug: "belonging", areaCode: "E05010805", period: "2030", value: 1, sourceId: "census2021-ts039" },
  });
  assert.ok(created.id > highest, `${created.id} > ${highest}`);
  await to.observation.delete({ where: { id: created.id } });
});

test("a target that already has rows is refused, and left as it was", { skip }, async () => {
  const before = await to.observation.count();
  await assert.rejects(() => copySqliteToPostgres(sqlite.url, postgres.url, () => {}), /already has rows/);
  assert.equal(await to.observation.count(), before);
});

test("URLs of the wrong kind are refused with a clear message", async () => {
  await assert.rejects(
    () => copySqliteToPostgres("postgresql://x@127.0.0.1/a", "postgresql://x@127.0.0.1/b"),
    /source must be a SQLite/,
  );
  await assert.rejects(
    () => copySqliteToPostgres("file:var/x.db", "mysql://x@127.0.0.1/b"),
    /target must be a PostgreSQL/,
  );
});

// The engine-specific pieces (lib/db/engine-sql.ts) on both engines: SQLite always, PostgreSQL
// when the run has a server (npm run test:pg). Each database is migrated and filled by the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createDb } from "@/lib/db/client";
import { containsIgnoringCase, isComparableText, openRawDatabase, toPostgresPlaceholders } from "@/lib/db/engine-sql";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createEmptyDatabase, testPostgresUrl } from "@/lib/db/__tests__/seeded-database";

test("? placeholders become $1, $2 … except inside quoted strings and identifiers", () => {
  assert.equal(
    toPostgresPlaceholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"),
    "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)",
  );
  assert.equal(toPostgresPlaceholders(`SELECT '?' AS "why?" WHERE c = ?`), `SELECT '?' AS "why?" WHERE c = $1`);
  assert.equal(toPostgresPlaceholders("SELECT 'it''s ?' WHERE d = ?"), "SELECT 'it''s ?' WHERE d = $1");
});

test("text holding a NUL byte is not comparable (PostgreSQL rejects it); other text is", () => {
  assert.equal(isComparableText("E05010807\0"), false);
  assert.equal(isComparableText("Orton"), true);
});

for (const provider of ["sqlite", "postgresql"] as const) {
  const skip =
    provider === "postgresql" && !testPostgresUrl() ? "no PostgreSQL server for this run (npm run test:pg)" : false;

  test(
    `${provider}: portable raw SQL reads the same (numbers for counts, 0/1 for booleans) and upserts`,
    { skip },
    async () => {
      const database = await createEmptyDatabase(`engine_sql_${provider}`, provider);
      try {
        await applyMigrations(database.url);
        const raw = await openRawDatabase(database.url);
        try {
          await raw.query(
            `INSERT INTO "Source" (id, title, publisher, licence, attribution, synthetic) VALUES (?, ?, ?, ?, ?, ?)`,
            "s1",
            "A source",
            "A council",
            "OGL",
            "x",
            true,
          );
          const insertArea = `INSERT INTO "Area" (code, name, type, "successorCode") VALUES (?, ?, 'ward', ?)
          ON CONFLICT (code) DO UPDATE SET name = excluded.name, "successorCode" = excluded."successorCode"`;
          await raw.query(insertArea, "E05000001", "Old Town", null);
          await raw.query(insertArea, "E05000002", "New Town", null);
          await raw.query(insertArea, "E05000001", "Old Town (retired)", "E05000002");
          const areas = await raw.query<{ code: string; name: string; successorCode: string | null }>(
            `SELECT code, name, "successorCode" FROM "Area" ORDER BY code`,
          );
          assert.deepEqual(areas, [
            { code: "E05000001", name: "Old Town (retired)", successorCode: "E05000002" },
            { code: "E05000002", name: "New Town", successorCode: null },
          ]);
          const [count] = await raw.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "Area" WHERE type = ?`, "ward");
          assert.deepEqual(count, { n: 2 });
          const [flag] = await raw.query<{ synthetic: number }>(`SELECT synthetic FROM "Source" WHERE id = ?`, "s1");
          assert.deepEqual(flag, { synthetic: 1 });
          const [sum] = await raw.query<{ s: number }>(`SELECT COALESCE(SUM("population"), 0) AS s FROM "Area"`);
          assert.deepEqual(sum, { s: 0 });
        } finally {
          await raw.close();
        }
      } finally {
        await database.drop();
      }
    },
  );

  test(
    `${provider}: "contains, ignoring case" matches any ASCII case and refuses LIKE wildcards`,
    { skip },
    async () => {
      const database = await createEmptyDatabase(`engine_sql_search_${provider}`, provider);
      const db = createDb(database.url);
      try {
        await applyMigrations(database.url);
        for (const [code, name] of [
          ["E05000001", "Orton Waterville"],
          ["E05000002", "ORTON LONGUEVILLE"],
          ["E05000003", "Paston and Walton"],
          ["E05000004", "100% Ward"],
        ]) {
          await db.area.create({ data: { code: code!, name: name!, type: "ward" } });
        }
        const names = async (text: string) =>
          (
            await db.area.findMany({ where: { name: containsIgnoringCase(text, provider) }, orderBy: { code: "asc" } })
          ).map((a) => a.name);
        assert.deepEqual(await names("orton"), ["Orton Waterville", "ORTON LONGUEVILLE"]);
        assert.deepEqual(await names("WALTON"), ["Paston and Walton"]);
        assert.deepEqual(await names("100"), ["100% Ward"]);
        // Both engines would read % and _ as LIKE wildcards: the filter refuses them.
        await assert.rejects(() => names("%"), /wildcards/);
        await assert.rejects(() => names("a_b"), /wildcards/);
        assert.deepEqual(await names("x"), []);
      } finally {
        await db.$disconnect();
        await database.drop();
      }
    },
  );
}

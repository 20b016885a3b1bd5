// Test helper (not a test): a migrated SQLite file seeded with the demo data, in a temp folder.
// Sets DATABASE_URL before lib/db/client is first imported, so every data module uses this file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export async function createSeededDatabase(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `civic-pulse-${name}-`));
  const file = path.join(dir, `${name}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  await applyMigrations(file);
  const { db } = await import("@/lib/db/client");
  const { seedDemoDatabase } = await import("@/lib/demo-data/seed-demo");
  await seedDemoDatabase(db);
  return {
    file,
    db,
    async cleanup() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

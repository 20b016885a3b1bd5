// Makes the database ready to serve: applies pending migrations, and seeds the demo data when
// the database has no areas yet (first run). Used by npm start, npm run build and the tests.
import { createDb } from "../../lib/db/client";
import { databaseUrl, redactedUrl } from "../../lib/db/database-url";
import { applyMigrations } from "../../lib/db/schema-engine";
import { buildDemoData, seedDemoDatabase } from "../../lib/demo-data/seed-demo";

export async function setupDatabase(log = console.log) {
  const url = databaseUrl();
  const applied = await applyMigrations(url);
  if (applied.length) log(`Database ${redactedUrl(url)}: applied ${applied.join(", ")}`);
  const db = createDb();
  try {
    if ((await db.area.count()) === 0) {
      log("Database is empty: seeding the Peterborough demo data (first run) …");
      const counts = await seedDemoDatabase(db, buildDemoData());
      log(
        `Seeded ${counts.areas} areas, ${counts.indicators} indicators, ${counts.observations} observations, ${counts.assets} assets.`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  setupDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

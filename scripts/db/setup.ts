// Makes the database ready to serve: applies pending migrations, and on first run (no areas and no
// indicators yet) fills it. With the demo's home area (CIVIC_PULSE_HOME_AREA unset, or Peterborough's
// code) that is the demo data; with another authority it is the indicator catalogue alone, because a
// council adopting the dashboard wants its own wards and figures, not Peterborough's beside them.
// Used by npm start, npm run build and the tests.
import { homeAreaCode } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { databaseUrl, redactedUrl } from "../../lib/db/database-url";
import { applyMigrations } from "../../lib/db/schema-engine";
import { DEMO_LA } from "../../lib/demo-data/demo-area";
import { buildDemoData, seedCatalogue, seedDemoDatabase } from "../../lib/demo-data/seed-demo";

export async function setupDatabase(log = console.log) {
  const url = databaseUrl();
  const applied = await applyMigrations(url);
  if (applied.length) log(`Database ${redactedUrl(url)}: applied ${applied.join(", ")}`);
  const home = homeAreaCode();
  const db = createDb();
  try {
    if ((await db.area.count()) > 0 || (await db.indicator.count()) > 0) return;
    if (home === DEMO_LA.code) {
      log(`Database is empty: seeding the ${DEMO_LA.name} demo data (first run) …`);
      const counts = await seedDemoDatabase(db, buildDemoData());
      log(
        `Seeded ${counts.areas} areas, ${counts.indicators} indicators, ${counts.observations} observations, ${counts.assets} assets.`,
      );
    } else {
      const counts = await seedCatalogue(db);
      log(
        `Database is empty and CIVIC_PULSE_HOME_AREA is ${home}, not the demo's ${DEMO_LA.code}: created it with the ` +
          `${counts.indicators} indicator definitions only. Import ${home}'s boundaries, figures and assets ` +
          'with npm run import (README, "Adopting Civic Pulse for your council"; formats in docs/data-format.md).',
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

// npm run db:seed — (re)loads the embedded Peterborough demo data. Safe to run repeatedly.
import { homeAreaCode } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { DEMO_LA } from "../../lib/demo-data/demo-area";
import { databaseUrl, redactedUrl } from "../../lib/db/database-url";
import { buildDemoData, seedDemoDatabase } from "../../lib/demo-data/seed-demo";

async function main() {
  const home = homeAreaCode();
  if (home !== DEMO_LA.code) {
    // A council's database: the demo's wards, figures and synthetic survey would join its own data.
    console.error(
      `CIVIC_PULSE_HOME_AREA is ${home}, not the demo's ${DEMO_LA.code} (${DEMO_LA.name}): db:seed would add the demo's ` +
        "wards and figures beside this council's data, so nothing was changed. Seed the demo into a database of its own, " +
        "with CIVIC_PULSE_HOME_AREA unset.",
    );
    process.exit(1);
  }
  const started = Date.now();
  console.log(`Seeding ${redactedUrl(databaseUrl())} …`);
  console.log("  building demo data from prisma/data (real Census/IoD files, synthetic survey and assets)");
  const data = buildDemoData();
  console.log(
    `  writing ${data.observations.length} observations, ${data.assets.length} assets, ${data.areas.length} areas`,
  );
  const db = createDb();
  try {
    const counts = await seedDemoDatabase(db, data);
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("Seeding failed; the database was left as it was (the seed runs in one transaction).");
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

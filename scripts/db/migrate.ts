// npm run db:migrate                      apply pending migrations to the app database
// npm run db:migration:create -- <name>   write a new migration from changes to schema.prisma
// npm run db:migrate -- status            say whether migrations and schema.prisma agree
import { databaseUrl, sqliteFilePath } from "../../lib/db/database-url";
import { applyMigrations, createMigration, pendingSchemaChange } from "../../lib/db/schema-engine";

async function main() {
  const [command = "apply", name] = process.argv.slice(2);
  if (command === "apply") {
    const file = sqliteFilePath(databaseUrl());
    const applied = await applyMigrations(file);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${file}: ${applied.join(", ")}`
        : `Database ${file} is up to date.`,
    );
  } else if (command === "create") {
    if (!name) throw new Error("Give the migration a name: npm run db:migration:create -- add_asset_opening_hours");
    const dir = await createMigration(name);
    console.log(
      dir
        ? `Wrote ${dir}/migration.sql — review it, then run npm run db:migrate.`
        : "schema.prisma matches the migrations: nothing to create.",
    );
  } else if (command === "status") {
    const { inStep, sql } = await pendingSchemaChange();
    console.log(
      inStep ? "Migrations and schema.prisma are in step." : `schema.prisma has changes no migration holds:\n${sql}`,
    );
    process.exitCode = inStep ? 0 : 2;
  } else {
    throw new Error(`Unknown command "${command}". Use apply, create <name> or status.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

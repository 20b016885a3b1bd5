// npm run db:migrate                      apply pending migrations to the app database (SQLite or PostgreSQL)
// npm run db:migration:create -- <name>   write the next migration, for both providers, from changes to schema.prisma
// npm run db:migrate -- status            say whether each provider's migrations and schema agree
// Creating a migration or checking PostgreSQL's needs a PostgreSQL server to replay migrations on:
// MIGRATION_POSTGRES_URL (a database on a server where databases may be created), else a
// throw-away local server (scripts/db/local-postgres.ts) for the duration of the command.
import { databaseUrl, redactedUrl } from "../../lib/db/database-url";
import { applyMigrations, createMigration, pendingSchemaChange } from "../../lib/db/schema-engine";
import { writePostgresSchema, PROVIDER_FILES } from "../../lib/db/schema-files";
import { startLocalPostgres } from "./local-postgres";

async function withPostgresServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.MIGRATION_POSTGRES_URL) return work(process.env.MIGRATION_POSTGRES_URL);
  const server = await startLocalPostgres({ database: "civic_pulse_migrations" });
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

async function main() {
  const [command = "apply", name] = process.argv.slice(2);
  if (command === "apply") {
    const url = databaseUrl();
    const applied = await applyMigrations(url);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${redactedUrl(url)}: ${applied.join(", ")}`
        : `Database ${redactedUrl(url)} is up to date.`,
    );
  } else if (command === "create") {
    if (!name) throw new Error("Give the migration a name: npm run db:migration:create -- add_asset_opening_hours");
    if (writePostgresSchema())
      console.log(`Updated ${PROVIDER_FILES.postgresql.schemaPath} (run npm run db:generate for the clients).`);
    const dirs = await withPostgresServer((url) => createMigration(name, url));
    console.log(
      dirs.length
        ? `Wrote ${dirs.map((d) => `${d}/migration.sql`).join(" and ")} — review them, then run npm run db:migrate.`
        : "schema.prisma matches the migrations: nothing to create.",
    );
  } else if (command === "status") {
    let allInStep = true;
    const sqlite = await pendingSchemaChange(process.cwd(), "sqlite");
    const postgres = await withPostgresServer((url) => pendingSchemaChange(process.cwd(), "postgresql", url));
    for (const [provider, { inStep, sql }] of [
      ["SQLite", sqlite],
      ["PostgreSQL", postgres],
    ] as const) {
      allInStep &&= inStep;
      console.log(
        inStep
          ? `${provider}: migrations and schema are in step.`
          : `${provider}: the schema has changes no migration holds:\n${sql}`,
      );
    }
    process.exitCode = allInStep ? 0 : 2;
  } else {
    throw new Error(`Unknown command "${command}". Use apply, create <name> or status.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

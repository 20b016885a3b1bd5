// The one Prisma client for the server. Pages and API routes get data through lib/data/*,
// which import `db` from here; nothing else opens the database.
// DATABASE_URL picks the engine: a `file:` URL opens SQLite (better-sqlite3), a `postgresql://`
// URL PostgreSQL (pg). Prisma generates one client per provider from the same data model
// (prisma/schema.prisma, and prisma/postgresql/schema.prisma derived from it); both expose the
// same models and queries, so the rest of the code sees one type.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/db/generated-postgresql/client";
import { databaseUrl, providerOf, type DatabaseProvider } from "@/lib/db/database-url";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(url = databaseUrl()): Db {
  if (providerOf(url) === "postgresql") {
    // Same models, fields and query API as the SQLite client (generated from the same model);
    // provider-only extras (e.g. `mode: "insensitive"`) go through lib/db/engine-sql.ts.
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

// Reuse one client across hot reloads in development (each reload would otherwise open a new
// connection to the same file).
const globalForDb = globalThis as unknown as { civicPulseDb?: Db };
export const db: Db = globalForDb.civicPulseDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.civicPulseDb = db;

/** The engine behind `db`. */
export const dbProvider: DatabaseProvider = providerOf(databaseUrl()) ?? "sqlite";

// The one Prisma client for the server. Pages and API routes get data through lib/data/*,
// which import `db` from here; nothing else opens the database.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/db/generated/client";
import { databaseUrl } from "@/lib/db/database-url";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(url = databaseUrl()): Db {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

// Reuse one client across hot reloads in development (each reload would otherwise open a new
// connection to the same file).
const globalForDb = globalThis as unknown as { civicPulseDb?: Db };
export const db: Db = globalForDb.civicPulseDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.civicPulseDb = db;

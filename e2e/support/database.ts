// Tests read expectations from the same database the server uses (never hard-coded figures): the
// per-port SQLite file, or the PostgreSQL database under npm run test:pg. Write the SQL portably
// (see lib/db/engine-sql.ts): double-quoted identifiers ("Area"."parentCode"), `?` placeholders.
import { openRawDatabase } from "../../lib/db/engine-sql";
import { E2E_DATABASE_URL } from "../../playwright.config";

async function run<T>(readonly: boolean, sql: string, params: unknown[]): Promise<T[]> {
  const db = await openRawDatabase(E2E_DATABASE_URL, { readonly });
  try {
    return await db.query<T>(sql, ...params);
  } finally {
    await db.close();
  }
}

/** Rows of a read-only query on the server's database. */
export function queryDatabase<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return run<T>(true, sql, params);
}

/** Runs a statement that changes the server's database (e.g. a row a journey needs). */
export async function changeDatabase(sql: string, ...params: unknown[]): Promise<void> {
  await run(false, sql, params);
}

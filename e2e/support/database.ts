// Tests read expectations from the same SQLite file the server uses (never hard-coded figures).
import Database from "better-sqlite3";
import { E2E_DATABASE_FILE } from "../../playwright.config";

export function queryDatabase<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

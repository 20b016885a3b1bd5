// The importer's access to the database. Imports write through better-sqlite3 prepared
// statements in one transaction rather than through Prisma: measured on this project, Prisma's
// createMany wrote about 2,500 observation rows a second (a million rows would take seven
// minutes), prepared statements about 150,000. The tables and columns are Prisma's (see
// prisma/schema.prisma); values are written in the forms Prisma's SQLite adapter reads back
// (booleans as 0/1, DateTime as ISO 8601 text), which a test checks by reading them with Prisma.
import fs from "node:fs";
import Database from "better-sqlite3";

export type Sqlite = Database.Database;

/** A problem with the database itself (missing, not migrated): not the import file's fault. */
export class DatabaseSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}

/**
 * Opens the SQLite file. Read-only for checking (so a rejected file cannot change a byte of the
 * database), read-write only for the write transaction.
 */
export function openDatabase(file: string, mode: "read" | "write"): Sqlite {
  if (!fs.existsSync(file)) {
    throw new DatabaseSetupError(`There is no database at ${file}. Run "npm run db:setup" first to create it.`);
  }
  const db = new Database(file, { readonly: mode === "read", fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ImportBatch'").get();
  if (!table) {
    db.close();
    throw new DatabaseSetupError(
      `The database at ${file} has no ImportBatch table: run "npm run db:migrate" to bring it up to date.`,
    );
  }
  return db;
}

/** "?, ?, ?": the placeholders of an SQL list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/** DateTime as Prisma's SQLite adapter writes it, e.g. 2026-11-25T06:37:57.936+00:00. */
export function prismaDateTime(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

export interface AreaRow {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  successorCode: string | null;
  sourceId: string | null;
}

export function loadAreas(db: Sqlite): Map<string, AreaRow> {
  const rows = db
    .prepare("SELECT code, name, type, parentCode, successorCode, sourceId FROM Area ORDER BY code")
    .all() as AreaRow[];
  return new Map(rows.map((row) => [row.code, row]));
}

export interface AreaGeometryRow {
  code: string;
  name: string;
  type: string;
  geometry: string;
}

/** Current areas (not retired) that have a boundary. */
export function loadAreaGeometries(db: Sqlite): AreaGeometryRow[] {
  return db
    .prepare(
      "SELECT code, name, type, geometry FROM Area WHERE geometry IS NOT NULL AND successorCode IS NULL ORDER BY code",
    )
    .all() as AreaGeometryRow[];
}

export interface IndicatorRow {
  slug: string;
  title: string;
  unit: string;
  sourceId: string;
  sortOrder: number;
}

export function loadIndicators(db: Sqlite): Map<string, IndicatorRow> {
  const rows = db
    .prepare("SELECT slug, title, unit, sourceId, sortOrder FROM Indicator ORDER BY sortOrder, slug")
    .all() as IndicatorRow[];
  return new Map(rows.map((row) => [row.slug, row]));
}

export interface BatchRow {
  id: number;
  kind: string;
  fileName: string;
  fileSha256: string;
  inputSha256: string;
  options: string | null;
  rowsRead: number;
  rowsWritten: number;
  rowsReplaced: number;
  status: string;
  startedAt: string;
  finishedAt: string;
  sourceId: string;
}

export interface SourceState {
  exists: boolean;
  /** Imports recorded for the source (0 for a source written by the seed or by hand). */
  batchCount: number;
  latest: BatchRow | null;
}

export function sourceState(db: Sqlite, sourceId: string): SourceState {
  const exists = db.prepare("SELECT 1 FROM Source WHERE id = ?").get(sourceId) !== undefined;
  const { n } = db.prepare("SELECT COUNT(*) AS n FROM ImportBatch WHERE sourceId = ?").get(sourceId) as { n: number };
  const latest =
    (db.prepare("SELECT * FROM ImportBatch WHERE sourceId = ? ORDER BY id DESC LIMIT 1").get(sourceId) as
      BatchRow | undefined) ?? null;
  return { exists, batchCount: n, latest };
}

/** Every import, newest first. */
export function listBatches(db: Sqlite): BatchRow[] {
  return db.prepare("SELECT * FROM ImportBatch ORDER BY id DESC").all() as BatchRow[];
}

export interface SourceWrite {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  attribution: string;
  url: string | null;
  file: string;
  fileSha256: string;
  vintage: string | null;
  synthetic: boolean;
  notes: string | null;
  importedAt: Date;
}

export function upsertSource(db: Sqlite, source: SourceWrite): void {
  db.prepare(
    `INSERT INTO Source (id, title, publisher, licence, attribution, url, file, fileSha256, vintage, synthetic, notes, importedAt)
     VALUES (@id, @title, @publisher, @licence, @attribution, @url, @file, @fileSha256, @vintage, @synthetic, @notes, @importedAt)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, licence = excluded.licence,
       attribution = excluded.attribution, url = excluded.url, file = excluded.file, fileSha256 = excluded.fileSha256,
       vintage = excluded.vintage, synthetic = excluded.synthetic, notes = excluded.notes, importedAt = excluded.importedAt`,
  ).run({ ...source, synthetic: source.synthetic ? 1 : 0, importedAt: prismaDateTime(source.importedAt) });
}

export interface BatchWrite {
  kind: string;
  fileName: string;
  fileSha256: string;
  inputSha256: string;
  options: string | null;
  rowsRead: number;
  rowsWritten: number;
  rowsReplaced: number;
  status: "imported" | "replaced";
  startedAt: Date;
  finishedAt: Date;
  sourceId: string;
}

export function insertBatch(db: Sqlite, batch: BatchWrite): number {
  const result = db
    .prepare(
      `INSERT INTO ImportBatch (kind, fileName, fileSha256, inputSha256, options, rowsRead, rowsWritten, rowsReplaced, status, startedAt, finishedAt, sourceId)
       VALUES (@kind, @fileName, @fileSha256, @inputSha256, @options, @rowsRead, @rowsWritten, @rowsReplaced, @status, @startedAt, @finishedAt, @sourceId)`,
    )
    .run({ ...batch, startedAt: prismaDateTime(batch.startedAt), finishedAt: prismaDateTime(batch.finishedAt) });
  return Number(result.lastInsertRowid);
}

/**
 * Runs `work` inside one write transaction on a fresh read-write connection: everything it
 * writes is committed together, or (if it throws) nothing is. `work` may await (e.g. to stream
 * the file a second time); nothing else uses this connection meanwhile.
 */
export async function inWriteTransaction<T>(file: string, work: (db: Sqlite) => Promise<T>): Promise<T> {
  const db = openDatabase(file, "write");
  // A 64 MB page cache (SQLite's default is 2 MB) keeps a million-row insert's index pages in
  // memory: measured 12 s instead of 15.5 s for 1 M rows, for 60 MB more peak memory.
  db.pragma("cache_size = -65536");
  try {
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work(db);
      db.exec("COMMIT");
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

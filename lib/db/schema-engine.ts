// Drives Prisma's schema engine (its WebAssembly build) so migrations work on machines that
// cannot download the native engine. Used by scripts/db/migrate.ts and the drift test.
// The migrations folder keeps Prisma's standard layout, so `prisma migrate deploy` on a
// networked machine sees exactly the same history.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const SCHEMA_PATH = "prisma/schema.prisma";
export const MIGRATIONS_DIR = "prisma/migrations";
const LOCKFILE = "migration_lock.toml";

type SchemaFile = { path: string; content: string };
// The wasm package ships loose typings; we keep the surface we use narrow and explicit.
interface WasmSchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
}

const requireFromHere = createRequire(import.meta.url);
let bindings: Promise<{ SchemaEngine: { new: (...a: unknown[]) => Promise<WasmSchemaEngine> } }> | undefined;

/** Loads and instantiates the schema engine's WebAssembly once per process. */
function loadBindings() {
  bindings ??= (async () => {
    // The .wasm file is not in the package's exports map: find it beside the glue module.
    const pkgDir = path.dirname(requireFromHere.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import(pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href);
    const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return bindings;
}

export function readSchema(root = process.cwd()): SchemaFile[] {
  return [{ path: SCHEMA_PATH, content: fs.readFileSync(path.join(root, SCHEMA_PATH), "utf8") }];
}

const filters = { externalTables: [], externalEnums: [] };

/**
 * Opens a schema engine bound to one SQLite file. Call `close()` when done: the engine's
 * `free()` does not close the SQLite connection it was given, and a connection left open keeps
 * the file locked for the next engine in this process.
 */
export async function openSchemaEngine(sqliteFile: string, files = readSchema()) {
  const { SchemaEngine } = await loadBindings();
  fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
  const factory = new PrismaBetterSqlite3({ url: `file:${sqliteFile}` });
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    opened.push(connection);
    return connection;
  };
  const datamodels = files.map((f) => [f.path, f.content]);
  const engine = await SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  return Object.assign(engine, {
    async close() {
      engine.free();
      await Promise.all(opened.splice(0).map((connection) => connection.dispose()));
    },
  });
}

/** The migrations folder as the engine expects it, sorted by name (timestamp first). */
export function readMigrationsList(root = process.cwd()) {
  const baseDir = path.join(root, MIGRATIONS_DIR);
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(baseDir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(baseDir, LOCKFILE);
  return {
    baseDir,
    shadowDbInitScript: "",
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations to a SQLite file; returns the names applied (none when current). */
export async function applyMigrations(sqliteFile: string, root = process.cwd()): Promise<string[]> {
  const engine = await openSchemaEngine(sqliteFile, readSchema(root));
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(root), filters });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

/**
 * SQL that would bring the migrations up to the schema. Replays the migrations into a scratch
 * SQLite file, then diffs that database against schema.prisma. Empty `sql` means in step.
 */
export async function pendingSchemaChange(root = process.cwd()): Promise<{ inStep: boolean; sql: string }> {
  fs.mkdirSync(path.join(root, "var"), { recursive: true });
  const scratchDir = fs.mkdtempSync(path.join(root, "var", ".migration-scratch-"));
  const files = readSchema(root);
  const engine = await openSchemaEngine(path.join(scratchDir, "replay.db"), files);
  try {
    await engine.applyMigrations({ migrationsList: readMigrationsList(root), filters });
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: root },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters,
    });
    return { inStep: result.exitCode === 0, sql: result.stdout ?? "" };
  } finally {
    await engine.close();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** SQL creating the whole schema from nothing: the first migration. */
export async function initialMigrationSql(root = process.cwd()): Promise<string> {
  fs.mkdirSync(path.join(root, "var"), { recursive: true });
  const scratchDir = fs.mkdtempSync(path.join(root, "var", ".migration-scratch-"));
  try {
    const files = readSchema(root);
    const engine = await openSchemaEngine(path.join(scratchDir, "empty.db"), files);
    try {
      const result = await engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters,
      });
      return result.stdout ?? "";
    } finally {
      await engine.close();
    }
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** Writes a new migration folder in Prisma's layout; returns its path, or null if nothing changed. */
export async function createMigration(name: string, root = process.cwd(), now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name "${name}" must be lower-case letters, digits and underscores.`);
  }
  fs.mkdirSync(path.join(root, "var"), { recursive: true });
  const first = readMigrationsList(root).migrationDirectories.length === 0;
  const sql = first ? await initialMigrationSql(root) : (await pendingSchemaChange(root)).sql;
  if (!sql.trim() || /^\s*-- This is an empty migration\.\s*$/.test(sql)) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(root, MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(root, MIGRATIONS_DIR, LOCKFILE);
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n',
    );
  }
  return dir;
}

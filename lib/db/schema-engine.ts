// Drives Prisma's schema engine (its WebAssembly build) so migrations work on machines that
// cannot download the native engine. Used by scripts/db/migrate.ts, scripts/db/setup.ts and the
// drift tests, for SQLite (better-sqlite3 adapter) and PostgreSQL (pg adapter) alike.
// Each provider's migrations folder keeps Prisma's standard layout, so `prisma migrate deploy` on
// a networked machine sees exactly the same history.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { providerOf, type DatabaseProvider } from "@/lib/db/database-url";
import { PROVIDER_FILES, postgresSchemaFrom } from "@/lib/db/schema-files";

/** The SQLite schema and migrations (the source of truth); see PROVIDER_FILES for both providers. */
export const SCHEMA_PATH = PROVIDER_FILES.sqlite.schemaPath;
export const MIGRATIONS_DIR = PROVIDER_FILES.sqlite.migrationsDir;
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

/**
 * A database the engine works on: a SQLite file path (as before), or a `file:` or
 * `postgresql://` URL.
 */
export type MigrationTarget = string;

function targetProvider(target: MigrationTarget): DatabaseProvider {
  return providerOf(target) ?? "sqlite";
}

/** The schema file for a provider. The PostgreSQL one is derived in memory, so it is never stale. */
export function readSchema(root = process.cwd(), provider: DatabaseProvider = "sqlite"): SchemaFile[] {
  const sqlite = fs.readFileSync(path.join(root, PROVIDER_FILES.sqlite.schemaPath), "utf8");
  return [
    {
      path: PROVIDER_FILES[provider].schemaPath,
      content: provider === "sqlite" ? sqlite : postgresSchemaFrom(sqlite),
    },
  ];
}

const filters = { externalTables: [], externalEnums: [] };

type Connection = { dispose(): Promise<void> };

/**
 * The pg adapter (7.10.0) cannot map PostgreSQL's one-byte "char" type (OID 18), which the
 * engine's schema description reads from pg_catalog (e.g. pg_class.relkind): diffing against a
 * live database then fails with "Column type 'char' could not be deserialized". The values are
 * plain one-letter strings, so the engine's connections report them as text (OID 25).
 */
function reportCharAsText(connection: object) {
  let proto: object | null = connection;
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  const queryable = proto as { performIO?: (q: unknown) => Promise<unknown>; civicPulseCharAsText?: boolean } | null;
  if (!queryable?.performIO || queryable.civicPulseCharAsText) return;
  const performIO = queryable.performIO;
  queryable.performIO = async function (this: unknown, query: unknown) {
    const result = (await performIO.call(this, query)) as { fields: { dataTypeID: number }[] };
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  queryable.civicPulseCharAsText = true;
}

function adapterFactory(target: MigrationTarget) {
  if (targetProvider(target) === "postgresql") return new PrismaPg({ connectionString: target });
  const file = target.startsWith("file:") ? target.slice("file:".length) : target;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: `file:${file}` });
}

/**
 * Opens a schema engine bound to one database. Call `close()` when done: the engine's `free()`
 * does not close the connections it was given, and a SQLite connection left open keeps the file
 * locked for the next engine in this process (a pg pool left open keeps the process alive).
 */
export async function openSchemaEngine(
  target: MigrationTarget,
  files = readSchema(process.cwd(), targetProvider(target)),
) {
  const { SchemaEngine } = await loadBindings();
  const factory = adapterFactory(target);
  const opened: Connection[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = (async () => {
    const connection = await connect();
    if (connection.provider === "postgres") reportCharAsText(connection);
    opened.push(connection);
    return connection;
  }) as typeof factory.connect;
  const datamodels = files.map((f) => [f.path, f.content]);
  const engine = await SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  return Object.assign(engine, {
    async close() {
      engine.free();
      await Promise.all(opened.splice(0).map((connection) => connection.dispose()));
    },
  });
}

/** A provider's migrations folder as the engine expects it, sorted by name (timestamp first). */
export function readMigrationsList(root = process.cwd(), provider: DatabaseProvider = "sqlite") {
  const baseDir = path.join(root, PROVIDER_FILES[provider].migrationsDir);
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

/**
 * Applies the provider's pending migrations to a database (a SQLite file path, a `file:` URL or
 * a `postgresql://` URL); returns the names applied (none when current).
 */
export async function applyMigrations(target: MigrationTarget, root = process.cwd()): Promise<string[]> {
  const provider = targetProvider(target);
  const engine = await openSchemaEngine(target, readSchema(root, provider));
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(root, provider), filters });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

/**
 * A scratch database to replay migrations into, and its removal: a SQLite file under var/, or
 * (given the URL of any database on a PostgreSQL server that lets us create databases) a new
 * database on that server.
 */
async function scratchDatabase(root: string, provider: DatabaseProvider, postgresServerUrl?: string) {
  if (provider === "sqlite") {
    fs.mkdirSync(path.join(root, "var"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, "var", ".migration-scratch-"));
    return {
      target: path.join(dir, "replay.db"),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!postgresServerUrl) throw new Error("Replaying the PostgreSQL migrations needs a PostgreSQL server URL.");
  const name = `civic_pulse_scratch_${crypto.randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresServerUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return { target: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * SQL that would bring a provider's migrations up to its schema. Replays the migrations into a
 * scratch database, then diffs that database against the schema. Empty `sql` means in step.
 * PostgreSQL needs `postgresServerUrl`: a database URL on a server where we may create databases.
 */
export async function pendingSchemaChange(
  root = process.cwd(),
  provider: DatabaseProvider = "sqlite",
  postgresServerUrl?: string,
): Promise<{ inStep: boolean; sql: string }> {
  const scratch = await scratchDatabase(root, provider, postgresServerUrl);
  try {
    const files = readSchema(root, provider);
    const engine = await openSchemaEngine(scratch.target, files);
    try {
      await engine.applyMigrations({ migrationsList: readMigrationsList(root, provider), filters });
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
    }
  } finally {
    await scratch.drop();
  }
}

/** SQL creating a provider's whole schema from nothing: the first migration (needs no database). */
export async function initialMigrationSql(
  root = process.cwd(),
  provider: DatabaseProvider = "sqlite",
  postgresServerUrl?: string,
): Promise<string> {
  const scratch = await scratchDatabase(root, provider, postgresServerUrl);
  try {
    const files = readSchema(root, provider);
    const engine = await openSchemaEngine(scratch.target, files);
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
    await scratch.drop();
  }
}

const isEmptyMigration = (sql: string) => !sql.trim() || /^\s*-- This is an empty migration\.\s*$/.test(sql);

/**
 * Writes the next migration, under the same folder name, for both providers: SQLite into
 * prisma/migrations and PostgreSQL into prisma/postgresql/migrations. Returns the folders
 * written, or [] when schema.prisma holds no change. `postgresServerUrl` is a database URL on a
 * PostgreSQL server where scratch databases may be created (scripts/db/migrate.ts starts a
 * throw-away one when none is given).
 */
export async function createMigration(
  name: string,
  postgresServerUrl: string,
  root = process.cwd(),
  now = new Date(),
): Promise<string[]> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name "${name}" must be lower-case letters, digits and underscores.`);
  }
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const planned: { provider: DatabaseProvider; sql: string }[] = [];
  for (const provider of ["sqlite", "postgresql"] as const) {
    const first = readMigrationsList(root, provider).migrationDirectories.length === 0;
    const sql = first
      ? await initialMigrationSql(root, provider, postgresServerUrl)
      : (await pendingSchemaChange(root, provider, postgresServerUrl)).sql;
    planned.push({ provider, sql });
  }
  // Both or neither: the two folders must keep the same names and steps.
  if (planned.every((p) => isEmptyMigration(p.sql))) return [];
  const written: string[] = [];
  for (const { provider, sql } of planned) {
    const migrationsDir = path.join(root, PROVIDER_FILES[provider].migrationsDir);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), isEmptyMigration(sql) ? "-- This is an empty migration.\n" : sql);
    const lock = path.join(migrationsDir, LOCKFILE);
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
      );
    }
    written.push(dir);
  }
  return written;
}

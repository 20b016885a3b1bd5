// npm run db:copy -- <from file: URL> <to postgresql:// URL>
//
// Copies every row of a Civic Pulse SQLite database into an empty PostgreSQL database: the way to
// publish data imported on SQLite (npm run import writes SQLite only) to a PostgreSQL deployment,
// and how bench:scale loads its dataset into PostgreSQL.
// - The target gets any pending migrations first (prisma/postgresql/migrations) and must then hold
//   no rows: nothing is merged or overwritten. Both databases must have the same migrations.
// - One transaction: a failure leaves the target as it was.
// - Tables in foreign-key order (referenced tables first; parents before children within a
//   self-referencing table such as Area), in batches of BATCH_ROWS rows sent as one
//   `INSERT … SELECT * FROM unnest($1::text[], $2::integer[], …)` each.
// - Autoincrement sequences are reset past the copied ids, so new rows get fresh ids.
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, redactedUrl, sqliteFilePath } from "../../lib/db/database-url";
import { applyMigrations, readMigrationsList } from "../../lib/db/schema-engine";

const BATCH_ROWS = 20_000;
const MIGRATIONS_TABLE = "_prisma_migrations";

interface Column {
  name: string;
  /** PostgreSQL array type used to pass the column's values through unnest(). */
  arrayType: string;
  kind: "text" | "number" | "boolean" | "timestamp";
}

interface Table {
  name: string;
  columns: Column[];
  /** Tables this one references (other than itself). */
  references: Set<string>;
  /** A column referencing this same table (Area.parentCode → Area.code): [child column, parent column]. */
  selfReference: [string, string] | null;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function columnOf(name: string, dataType: string): Column {
  switch (dataType) {
    case "text":
    case "character varying":
      return { name, arrayType: "text[]", kind: "text" };
    case "integer":
      return { name, arrayType: "integer[]", kind: "number" };
    case "bigint":
      return { name, arrayType: "bigint[]", kind: "number" };
    case "double precision":
      return { name, arrayType: "double precision[]", kind: "number" };
    case "boolean":
      return { name, arrayType: "boolean[]", kind: "boolean" };
    case "timestamp without time zone":
      return { name, arrayType: "timestamp(3)[]", kind: "timestamp" };
    default:
      throw new Error(`Column "${name}" has type ${dataType}, which db:copy does not know how to copy.`);
  }
}

/** The target's tables, their columns and foreign keys, read from PostgreSQL's catalogue. */
async function describeTables(client: pg.Client): Promise<Table[]> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> $1 ORDER BY table_name, ordinal_position`,
    [MIGRATIONS_TABLE],
  );
  const tables = new Map<string, Table>();
  for (const row of columns.rows) {
    const table = tables.get(row.table_name) ?? {
      name: row.table_name,
      columns: [],
      references: new Set<string>(),
      selfReference: null,
    };
    table.columns.push(columnOf(row.column_name, row.data_type));
    tables.set(row.table_name, table);
  }
  const keys = await client.query<{ child: string; parent: string; child_column: string; parent_column: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            a.attname AS child_column, pa.attname AS parent_column
     FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1");
  for (const key of keys.rows) {
    const child = tables.get(unquote(key.child));
    if (!child) continue;
    if (unquote(key.parent) === child.name) child.selfReference = [key.child_column, key.parent_column];
    else child.references.add(unquote(key.parent));
  }
  return [...tables.values()];
}

/** Referenced tables before the tables that reference them. */
export function foreignKeyOrder(tables: Table[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...t.references].every((r) => placed.has(r)));
    if (ready.length === 0) throw new Error("The tables' foreign keys form a cycle: db:copy cannot order them.");
    for (const table of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

/** Rows of a self-referencing table, parents before children. */
function parentsFirst(rows: Record<string, unknown>[], [childColumn, parentColumn]: [string, string]) {
  const byKey = new Map(rows.map((row) => [row[parentColumn], row]));
  const depth = new Map<unknown, number>();
  const depthOf = (row: Record<string, unknown>, seen = 0): number => {
    const key = row[parentColumn];
    const known = depth.get(key);
    if (known !== undefined) return known;
    const parent = row[childColumn] == null ? undefined : byKey.get(row[childColumn]);
    if (seen > rows.length) throw new Error("A self-referencing table has a cycle of parents.");
    const value = parent ? depthOf(parent, seen + 1) + 1 : 0;
    depth.set(key, value);
    return value;
  };
  return rows
    .map((row) => ({ row, depth: depthOf(row) }))
    .sort((a, b) => a.depth - b.depth)
    .map((r) => r.row);
}

/** A SQLite value as PostgreSQL should receive it. */
function convert(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "boolean":
      return value === 1 || value === true || value === "1" || value === "true";
    case "timestamp":
      // Prisma's SQLite adapter writes ISO 8601 text (or epoch milliseconds); PostgreSQL's
      // `timestamp` holds UTC without an offset, as Prisma's pg adapter expects.
      return new Date(
        typeof value === "string" && /^\d+$/.test(value) ? Number(value) : (value as string),
      ).toISOString();
    case "number":
      return typeof value === "bigint" ? Number(value) : value;
    default:
      return String(value);
  }
}

function seconds(since: number) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

export async function copySqliteToPostgres(fromUrl: string, toUrl: string, log = (line: string) => console.log(line)) {
  if (providerOf(fromUrl) !== "sqlite") throw new Error(`The source must be a SQLite "file:" URL, got "${fromUrl}".`);
  if (providerOf(toUrl) !== "postgresql") {
    throw new Error(`The target must be a PostgreSQL "postgresql://" URL, got "${toUrl.split(":")[0]}:…".`);
  }
  const started = Date.now();
  const source = new Database(sqliteFilePath(fromUrl), { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: toUrl });
  try {
    // Same schema on both sides: the source's migrations are the ones the target gets.
    const expected = readMigrationsList(process.cwd(), "sqlite").migrationDirectories.map((d) => d.path);
    const sourceMigrations = (
      source
        .prepare(`SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL ORDER BY 1`)
        .all() as { migration_name: string }[]
    ).map((r) => r.migration_name);
    if (sourceMigrations.join() !== expected.join()) {
      throw new Error(
        `${fromUrl} has migrations [${sourceMigrations.join(", ")}], this version expects [${expected.join(", ")}]: ` +
          "run npm run db:migrate on it first (DATABASE_URL=<its file: URL>).",
      );
    }
    log(`Copying ${fromUrl} → ${redactedUrl(toUrl)}`);
    const applied = await applyMigrations(toUrl);
    if (applied.length) log(`  applied ${applied.length} migration(s) to the target: ${applied.join(", ")}`);

    await client.connect();
    const tables = foreignKeyOrder(await describeTables(client));
    for (const table of tables) {
      const { rows } = await client.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS any`,
      );
      if (rows[0]!.any) {
        throw new Error(
          `The target's table "${table.name}" already has rows: db:copy fills an empty database only. ` +
            "Nothing was copied. Create a fresh database (or drop and recreate this one) and run it again.",
        );
      }
    }

    await client.query("BEGIN");
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const tableStarted = Date.now();
      const sourceColumns = new Set(
        (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.name) as { name: string }[]).map(
          (c) => c.name,
        ),
      );
      const missing = table.columns.filter((c) => !sourceColumns.has(c.name));
      if (missing.length)
        throw new Error(`${table.name}: the source lacks column(s) ${missing.map((c) => c.name).join(", ")}.`);
      const total = (source.prepare(`SELECT COUNT(*) AS n FROM ${quote(table.name)}`).get() as { n: number }).n;
      const insert =
        `INSERT INTO ${quote(table.name)} (${table.columns.map((c) => quote(c.name)).join(", ")}) ` +
        `SELECT * FROM unnest(${table.columns.map((c, i) => `$${i + 1}::${c.arrayType}`).join(", ")})`;
      const select = `SELECT ${table.columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table.name)} ORDER BY rowid`;
      let rows: Iterable<Record<string, unknown>> = source.prepare(select).iterate() as Iterable<
        Record<string, unknown>
      >;
      if (table.selfReference) rows = parentsFirst([...rows], table.selfReference);

      let copied = 0;
      let lastReport = Date.now();
      let batch: unknown[][] = table.columns.map(() => []);
      let batchSize = 0;
      const flush = async () => {
        if (batchSize === 0) return;
        await client.query(insert, batch);
        copied += batchSize;
        batch = table.columns.map(() => []);
        batchSize = 0;
        if (Date.now() - lastReport > 2000) {
          lastReport = Date.now();
          const rate = Math.round(copied / ((Date.now() - tableStarted) / 1000));
          log(
            `  ${table.name}: ${copied.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows (${rate.toLocaleString("en-GB")}/s)`,
          );
        }
      };
      for (const row of rows) {
        table.columns.forEach((column, i) => batch[i]!.push(convert(row[column.name], column)));
        if (++batchSize >= BATCH_ROWS) await flush();
      }
      await flush();
      counts[table.name] = copied;
      log(`  ${table.name}: ${copied.toLocaleString("en-GB")} rows in ${seconds(tableStarted)} s`);
    }

    // Autoincrement ids were copied as they were: move each sequence past the highest one.
    const sequences = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const { table_name, column_name } of sequences.rows) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quote(column_name)}), 1), MAX(${quote(column_name)}) IS NOT NULL)
         FROM ${quote(table_name)}`,
        [quote(table_name), column_name],
      );
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
    log(
      `Copied ${Object.values(counts)
        .reduce((a, b) => a + b, 0)
        .toLocaleString("en-GB")} rows in ${seconds(started)} s.`,
    );
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    source.close();
    await client.end().catch(() => {});
  }
}

if (require.main === module) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error(
      "Usage: npm run db:copy -- <from file: URL> <to postgresql:// URL>\n" +
        "  e.g. npm run db:copy -- file:var/civic-pulse.db postgresql://civic:secret@db.example:5432/civic_pulse",
    );
    process.exit(2);
  }
  copySqliteToPostgres(from, to).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error("Nothing was copied (the copy runs in one transaction).");
    process.exit(1);
  });
}

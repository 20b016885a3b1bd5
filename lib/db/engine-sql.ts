// Everything that differs between the two database engines, in one place. The app queries
// through Prisma, whose queries mean the same on SQLite and PostgreSQL except where noted here;
// raw SQL (tests, benchmarks, the bulk copy) goes through rawQuery(), which runs one SQL text on
// either engine. Write that SQL portably: double-quoted identifiers ("Area"."parentCode": PostgreSQL
// folds unquoted names to lower case), `?` placeholders, COALESCE(SUM(x), 0) rather than
// SQLite's TOTAL(x), ON CONFLICT … DO UPDATE rather than INSERT OR REPLACE.
import { providerOf, sqliteFilePath, type DatabaseProvider } from "@/lib/db/database-url";

/**
 * A Prisma filter for "the text contains `text`, ignoring case". SQLite's LIKE (what Prisma's
 * `contains` becomes) ignores ASCII case by itself and rejects `mode`; PostgreSQL's LIKE is
 * case-sensitive, so it needs `mode: "insensitive"` (ILIKE). Under the C locale that
 * scripts/db/local-postgres.ts uses, ILIKE folds ASCII only, exactly like SQLite; a database
 * with a richer locale also folds accented capitals, which SQLite does not.
 * Prisma passes `%` and `_` through to LIKE as wildcards on both engines, so they are refused.
 */
export function containsIgnoringCase(text: string, provider: DatabaseProvider): { contains: string } {
  if (/[%_\\]/.test(text)) throw new Error(`Search text must not contain LIKE wildcards (% _ \\): "${text}"`);
  return provider === "postgresql"
    ? ({ contains: text, mode: "insensitive" } as { contains: string })
    : { contains: text };
}

/**
 * Whether a text can be compared with stored text on both engines. PostgreSQL refuses any text
 * holding U+0000 (an error, not a non-match); SQLite accepts it. No stored name or code holds one,
 * so a text that does can match nothing: callers skip the comparison instead of sending it.
 */
export function isComparableText(text: string): boolean {
  return !text.includes("\u0000");
}

/**
 * Rewrites `?` placeholders as PostgreSQL's `$1, $2, …`, leaving any `?` inside quoted strings or
 * quoted identifiers alone.
 */
export function toPostgresPlaceholders(sql: string): string {
  let out = "";
  let quote: string | null = null;
  let n = 0;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === "?") {
      out += `$${++n}`;
    } else {
      out += char;
    }
  }
  return out;
}

// PostgreSQL returns COUNT(*) as a bigint string and booleans as true/false; SQLite returns
// numbers and 0/1. Raw results are made to look like SQLite's, so a test reads the same on both.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_BOOL = 16;

export interface RawDatabase {
  provider: DatabaseProvider;
  /** Runs one statement with `?` placeholders and returns its rows. */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Opens a database by URL (`file:` or `postgresql://`) for raw SQL. Drivers load on demand. */
export async function openRawDatabase(url: string, options: { readonly?: boolean } = {}): Promise<RawDatabase> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(sqliteFilePath(url), { readonly: options.readonly ?? false, fileMustExist: true });
    return {
      provider,
      async query<T>(sql: string, ...params: unknown[]) {
        const statement = db.prepare(sql);
        // SQLite has no boolean type (it stores 1/0) and better-sqlite3 refuses to bind one.
        const bound = params.map((p) => (typeof p === "boolean" ? Number(p) : p));
        return (statement.reader ? statement.all(...bound) : (statement.run(...bound), [])) as T[];
      },
      async close() {
        db.close();
      },
    };
  }
  if (provider === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({
      connectionString: url,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") => {
          if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value);
          if (oid === PG_BOOL) return (value: string) => (value === "t" ? 1 : 0);
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    await client.connect();
    if (options.readonly) await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    return {
      provider,
      async query<T>(sql: string, ...params: unknown[]) {
        return (await client.query(toPostgresPlaceholders(sql), params)).rows as T[];
      },
      async close() {
        await client.end();
      },
    };
  }
  throw new Error(`Not a SQLite or PostgreSQL database URL: "${url.split(":")[0]}:…"`);
}

/** Opens, runs one statement, closes. */
export async function rawQuery<T>(url: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const db = await openRawDatabase(url);
  try {
    return await db.query<T>(sql, ...params);
  } finally {
    await db.close();
  }
}

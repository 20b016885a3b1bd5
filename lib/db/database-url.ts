import path from "node:path";

/** Where the embedded demo database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_FILE = "var/civic-pulse.db";

/** The two database engines Civic Pulse runs on, named as Prisma names their providers. */
export type DatabaseProvider = "sqlite" | "postgresql";

/** The provider a database URL names, or null for any other scheme. */
export function providerOf(url: string): DatabaseProvider | null {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return null;
}

/**
 * The database URL for the app, the scripts and the Prisma CLI alike: a SQLite `file:` URL or a
 * PostgreSQL `postgresql://` (or `postgres://`) URL.
 * A relative `file:` URL is resolved against the project root (the working directory of
 * every npm script), so the server, the seed and the tests all open the same file.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || `file:${DEFAULT_DATABASE_FILE}`;
  const provider = providerOf(url);
  if (provider === null) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL or a PostgreSQL "postgresql://" URL (got "${url.split(":")[0]}:…").`,
    );
  }
  return provider === "sqlite" ? `file:${sqliteFilePath(url)}` : url;
}

/** The provider of the database the app uses (DATABASE_URL). */
export function databaseProvider(env: NodeJS.ProcessEnv = process.env): DatabaseProvider {
  return providerOf(databaseUrl(env))!;
}

/** The absolute path of the SQLite file named by a `file:` URL. */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`Expected a SQLite "file:" URL, got "${url.split(":")[0]}:…".`);
  }
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** A database URL with any password replaced by "***", for progress messages. */
export function redactedUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

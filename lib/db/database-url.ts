import path from "node:path";

/** Where the embedded demo database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_FILE = "var/civic-pulse.db";

/**
 * The database URL for the app, the scripts and the Prisma CLI alike.
 * A relative `file:` URL is resolved against the project root (the working directory of
 * every npm script), so the server, the seed and the tests all open the same file.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || `file:${DEFAULT_DATABASE_FILE}`;
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL (got "${url.split(":")[0]}:…"). ` +
        "Other providers are not supported yet.",
    );
  }
  return `file:${sqliteFilePath(url)}`;
}

/** The absolute path of the SQLite file named by a `file:` URL. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

// npm run import -- <kind> <file> [options]    bring your own data (see docs/data-format.md)
// npm run import -- history                    list the imports made so far
// The database is the one named by DATABASE_URL, like every other script. The importer writes
// through better-sqlite3 (see docs/decisions.md), so it targets SQLite only: import into a SQLite
// file, then publish it to PostgreSQL with `npm run db:copy -- <file: URL> <postgresql:// URL>`.
import { requestRevalidation } from "../lib/cache/revalidation";
import { databaseUrl, providerOf, redactedUrl, sqliteFilePath } from "../lib/db/database-url";
import { parseImportArgs, USAGE, UsageError } from "../lib/import/cli-args";
import { streamProgress } from "../lib/import/progress";
import { describeHistory, describeOutcome } from "../lib/import/report";
import { displayName } from "../lib/import/read-text";
import { ImportWriteError, runImport } from "../lib/import/run-import";
import { DatabaseSetupError, listBatches, openDatabase } from "../lib/import/store";
import { FileChangedError } from "../lib/import/types";

async function main(): Promise<number> {
  const command = parseImportArgs(process.argv.slice(2));
  if (command.command === "help") {
    console.log(USAGE);
    return 0;
  }
  const url = databaseUrl();
  if (providerOf(url) !== "sqlite") {
    throw new DatabaseSetupError(
      `npm run import writes to a SQLite file only, and DATABASE_URL names PostgreSQL (${redactedUrl(url)}); ` +
        "nothing was touched. Import into a SQLite file (DATABASE_URL=file:var/council.db npm run import -- …), " +
        "then copy it into an empty, migrated PostgreSQL database: npm run db:copy -- file:var/council.db <postgresql:// URL>",
    );
  }
  const databaseFile = sqliteFilePath(url);
  if (command.command === "history") {
    const db = openDatabase(databaseFile, "read");
    try {
      for (const line of describeHistory(listBatches(db))) console.log(line);
    } finally {
      db.close();
    }
    return 0;
  }
  const outcome = await runImport({ ...command.request, databaseFile, progress: streamProgress(process.stderr) });
  const printed = describeOutcome(outcome, displayName(command.request.file));
  for (const line of printed.err) console.error(line);
  for (const line of printed.out) console.log(line);
  if (outcome.status === "imported" || outcome.status === "replaced") await tellDashboards();
  return printed.exitCode;
}

/** Pages are served from a cache: ask each running dashboard to regenerate them from the new data. */
async function tellDashboards() {
  for (const result of await requestRevalidation()) {
    console.log(
      result.ok
        ? `Dashboard at ${result.url}: pages will show the new data from their next visit.`
        : `Dashboard at ${result.url}: ${result.reason}. A dashboard started later rebuilds its pages from the new data; ` +
            "a running one shows it within a day, or at once after POST /api/revalidate (see README, Deploying).",
    );
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (
      error instanceof DatabaseSetupError ||
      error instanceof FileChangedError ||
      error instanceof ImportWriteError
    ) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error("The import failed and nothing was written (the import runs in one transaction).");
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    }
  },
);

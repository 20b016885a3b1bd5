// What the command line prints after an import, and the import history table. Plain English for
// council officers: what happened, what to do next.
import { formatProblemList } from "@/lib/import/problems";
import type { ImportOutcome } from "@/lib/import/run-import";
import type { BatchRow } from "@/lib/import/store";

export interface Printed {
  /** The summary: what was imported (stdout). */
  out: string[];
  /** Problems and warnings (stderr). */
  err: string[];
  exitCode: number;
}

const n = (value: number) => value.toLocaleString("en-GB");
const rows = (count: number) => `${n(count)} row${count === 1 ? "" : "s"}`;

/** "2026-11-25 06:37" from the stored ISO text, in UTC (as stored). */
export function shortTime(stored: string): string {
  return stored.replace("T", " ").slice(0, 16);
}

export function describeOutcome(outcome: ImportOutcome, fileName: string): Printed {
  const err: string[] = [];
  if (outcome.warnings.total > 0) {
    err.push(`${n(outcome.warnings.total)} warning(s) (these do not stop the import):`);
    for (const line of formatProblemList(outcome.warnings)) err.push(`  - ${line}`);
  }
  switch (outcome.status) {
    case "invalid": {
      err.push(
        `Nothing was imported: ${n(outcome.problems.total)} problem(s) to fix first. The database has not changed.`,
      );
      for (const line of formatProblemList(outcome.problems)) err.push(`  - ${line}`);
      return { out: [], err, exitCode: 1 };
    }
    case "unchanged":
      return {
        out: [
          `Already imported: ${fileName} is identical to import #${outcome.previous.id} of ${shortTime(outcome.previous.finishedAt)} UTC ` +
            `(source "${outcome.sourceId}"), with the same options. Nothing was changed.`,
        ],
        err,
        exitCode: 0,
      };
    case "checked":
      return {
        out: [
          `Checked ${fileName}: no problems found (${n(outcome.rowsRead)} ${outcome.rowsLabel} read). Nothing was written (--dry-run).`,
          `It would be imported as source "${outcome.sourceId}":`,
          ...outcome.summary.map((line) => `  ${line}`),
        ],
        err,
        exitCode: 0,
      };
    case "imported":
    case "replaced":
      return {
        out: [
          `Imported ${fileName} as source "${outcome.sourceId}" (import #${outcome.batchId}): ${rows(outcome.rowsWritten)} written.`,
          ...(outcome.status === "replaced"
            ? [`It replaced ${rows(outcome.rowsReplaced)} from the previous import of this source.`]
            : []),
          ...outcome.summary.map((line) => `  ${line}`),
        ],
        err,
        exitCode: 0,
      };
  }
}

/** Whether the import was run with --replace-demo (recorded in its options). */
function replacedDemo(batch: BatchRow): boolean {
  try {
    return (JSON.parse(batch.options ?? "{}") as { replaceDemo?: boolean }).replaceDemo === true;
  } catch {
    return false;
  }
}

export function describeHistory(batches: readonly BatchRow[]): string[] {
  if (batches.length === 0) return ["No imports yet. Import a file with: npm run import -- <kind> <file>"];
  const header = ["#", "finished (UTC)", "kind", "file", "rows read", "written", "replaced", "status", "source"];
  const table = batches.map((b) => [
    String(b.id),
    shortTime(b.finishedAt),
    b.kind,
    b.fileName,
    n(b.rowsRead),
    n(b.rowsWritten),
    n(b.rowsReplaced),
    b.status + (replacedDemo(b) ? " (--replace-demo)" : ""),
    b.sourceId,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...table.map(line)];
}

// One import, start to finish: identify the file (hash), skip it if this exact import was already
// done, check everything on a read-only connection (reporting every problem at once), then write
// in one transaction and record the import. A file with any problem writes nothing at all.
import crypto from "node:crypto";
import fs from "node:fs";
import { assetsImporter } from "@/lib/import/assets";
import { boundariesImporter } from "@/lib/import/boundaries";
import { indicatorsImporter } from "@/lib/import/indicators";
import { indicatorsOfSource, syncIndicatorSyntheticFlags } from "@/lib/import/demo-replacement";
import { ProblemLog, FileProblem } from "@/lib/import/problems";
import { silentProgress } from "@/lib/import/progress";
import { displayName, sha256File } from "@/lib/import/read-text";
import { deriveSourceId, sourceDetails, sourceIdProblem } from "@/lib/import/source";
import {
  inWriteTransaction,
  insertBatch,
  openDatabase,
  sourceState,
  upsertSource,
  type BatchRow,
} from "@/lib/import/store";
import { surveyImporter } from "@/lib/import/survey";
import {
  FileChangedError,
  type CheckedFile,
  type ImportKind,
  type ImportRequest,
  type KindImporter,
} from "@/lib/import/types";

/** Writing failed after every check passed; the transaction was rolled back. */
export class ImportWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportWriteError";
  }
}

export const IMPORTERS: Record<ImportKind, KindImporter> = {
  indicators: indicatorsImporter,
  boundaries: boundariesImporter,
  assets: assetsImporter,
  survey: surveyImporter,
};

interface Reports {
  problems: ProblemLog;
  warnings: ProblemLog;
}

export type ImportOutcome =
  | ({ status: "invalid" } & Reports)
  /** The same file with the same options was the source's latest import: nothing to do. */
  | ({ status: "unchanged"; sourceId: string; previous: BatchRow } & Reports)
  /** --dry-run: everything checked, nothing written. */
  | ({ status: "checked"; sourceId: string; rowsRead: number; rowsLabel: string; summary: string[] } & Reports)
  | ({
      status: "imported" | "replaced";
      sourceId: string;
      batchId: number;
      rowsRead: number;
      rowsLabel: string;
      rowsWritten: number;
      rowsReplaced: number;
      summary: string[];
    } & Reports);

/**
 * What makes two imports the same: the file's bytes, any extra file's bytes, and the options that
 * shape the rows. Recorded as ImportBatch.inputSha256.
 */
async function inputIdentity(request: ImportRequest, importer: KindImporter, fileSha256: string) {
  const extraHashes: Record<string, string> = {};
  for (const [role, file] of Object.entries(importer.extraFiles(request))) {
    if (file) extraHashes[role] = await sha256File(file);
  }
  const options = {
    kind: request.kind,
    fileName: displayName(request.file),
    synthetic: Boolean(request.synthetic),
    replaceDemo: Boolean(request.replaceDemo),
    source: request.source ?? {},
    extraFiles: Object.fromEntries(
      Object.entries(importer.extraFiles(request)).flatMap(([role, file]) => (file ? [[role, displayName(file)]] : [])),
    ),
    ...importer.settings(request),
  };
  const inputSha256 = crypto
    .createHash("sha256")
    .update(JSON.stringify({ fileSha256, extraHashes, options }))
    .digest("hex");
  return { inputSha256, options };
}

/** Runs one import. Throws only for problems outside the file (no database, unreadable path). */
export async function runImport(request: ImportRequest): Promise<ImportOutcome> {
  const now = request.now ?? (() => new Date());
  const startedAt = now();
  const progress = request.progress ?? silentProgress;
  const fileName = displayName(request.file);
  const reports: Reports = { problems: new ProblemLog(), warnings: new ProblemLog() };
  const importer = IMPORTERS[request.kind];

  for (const [role, file] of Object.entries({ data: request.file, ...importer.extraFiles(request) })) {
    if (file && !fs.existsSync(file)) {
      reports.problems.add({ file: displayName(file), message: `There is no such file (${file}).` });
    } else if (file && !fs.statSync(file).isFile()) {
      reports.problems.add({
        file: displayName(file),
        message: `This is not a regular ${role} file (a folder or a device?).`,
      });
    }
  }
  if (!reports.problems.isEmpty) return { status: "invalid", ...reports };

  const fileSha256 = await sha256File(request.file);
  const { inputSha256, options } = await inputIdentity(request, importer, fileSha256);
  const sourceId = request.sourceId ?? deriveSourceId(request.kind, request.file);
  const synthetic = Boolean(request.synthetic);

  let checked: CheckedFile | null;
  let replacing: boolean;
  const db = openDatabase(request.databaseFile, "read");
  try {
    const state = sourceState(db, sourceId);
    const idProblem = sourceIdProblem(sourceId, request.kind, state);
    if (idProblem) {
      reports.problems.add({ file: fileName, message: idProblem });
      return { status: "invalid", ...reports };
    }
    if (state.latest && state.latest.inputSha256 === inputSha256) {
      return { status: "unchanged", sourceId, previous: state.latest, ...reports };
    }
    replacing = state.batchCount > 0;
    try {
      checked = await importer.check({
        request,
        fileName,
        sourceId,
        synthetic,
        db,
        problems: reports.problems,
        warnings: reports.warnings,
        progress,
      });
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      reports.problems.add(error.problem);
      checked = null;
    }
  } finally {
    db.close();
  }
  if (!checked || !reports.problems.isEmpty) {
    if (reports.problems.isEmpty) reports.problems.add({ file: fileName, message: "The file could not be imported." });
    return { status: "invalid", ...reports };
  }
  if (request.dryRun) {
    return {
      status: "checked",
      sourceId,
      rowsRead: checked.rowsRead,
      rowsLabel: checked.rowsLabel ?? "rows",
      summary: checked.summary,
      ...reports,
    };
  }

  const file = checked;
  const status = replacing ? "replaced" : "imported";
  const result = await inWriteTransaction(request.databaseFile, async (rw) => {
    upsertSource(rw, {
      id: sourceId,
      ...sourceDetails(request.kind, fileName, request.source),
      file: fileName,
      fileSha256,
      synthetic,
      importedAt: startedAt,
    });
    const heldBefore = indicatorsOfSource(rw, sourceId);
    const counts = await file.write({ request, fileName, sourceId, synthetic, fileSha256, db: rw, progress });
    // Whatever the kind, the indicators whose figures this source changed label themselves by those figures.
    syncIndicatorSyntheticFlags(rw, [...heldBefore, ...indicatorsOfSource(rw, sourceId)]);
    const batchId = insertBatch(rw, {
      kind: request.kind,
      fileName,
      fileSha256,
      inputSha256,
      options: JSON.stringify(options),
      rowsRead: file.rowsRead,
      rowsWritten: counts.rowsWritten,
      rowsReplaced: counts.rowsReplaced,
      status,
      startedAt,
      finishedAt: now(),
      sourceId,
    });
    return { batchId, ...counts };
  }).catch((error: unknown) => {
    if (error instanceof FileChangedError || !(error instanceof Error) || error.name !== "SqliteError") throw error;
    // Checks passed, so the database must have changed meanwhile (another import, say).
    throw new ImportWriteError(
      `The database refused the rows (${error.message}), so nothing was imported. ` +
        "It may have changed while the file was being checked: run the import again.",
    );
  });
  return {
    status,
    sourceId,
    rowsRead: file.rowsRead,
    rowsLabel: file.rowsLabel ?? "rows",
    summary: file.summary,
    ...result,
    ...reports,
  };
}

// Shared shapes of the import pipeline: what the CLI asks for, what each kind's checker returns,
// and what the run reports back.
import type { AreaType } from "@/lib/domain/types";
import type { Progress } from "@/lib/import/progress";
import type { ProblemLog } from "@/lib/import/problems";
import type { Sqlite } from "@/lib/import/store";

export const IMPORT_KINDS = ["indicators", "boundaries", "assets", "survey"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(text: string): text is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(text);
}

/** Provenance written to the Source row; anything not given gets a plain default. */
export interface SourceDetails {
  title?: string;
  publisher?: string;
  licence?: string;
  attribution?: string;
  url?: string;
  vintage?: string;
  notes?: string;
}

export interface ImportRequest {
  kind: ImportKind;
  /** Path of the file to import. */
  file: string;
  /** Path of the SQLite database file. */
  databaseFile: string;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Defaults to one derived from the kind and the file name (see deriveSourceId). */
  sourceId?: string;
  /** Mark the imported rows as synthetic (illustrative) data. */
  synthetic?: boolean;
  /**
   * indicators, survey, assets: remove the demo's synthetic figures for the indicators this import
   * feeds (and, for assets, the illustrative register) and take their definitions over
   * (lib/import/demo-replacement.ts).
   */
  replaceDemo?: boolean;
  /** assets: the period of the asset indicators computed from the register (default: the import's year). */
  period?: string;
  source?: SourceDetails;
  /** indicators, survey: metadata (JSON or CSV) for indicators the database does not know yet. */
  metadataFile?: string;
  /** survey: the JSON file mapping questions to indicators. */
  mappingFile?: string;
  /** survey: cells with fewer respondents than this are suppressed (default 10). */
  minBase?: number;
  /** boundaries: feature property holding the area code / name / population. */
  codeField?: string;
  nameField?: string;
  populationField?: string;
  /** boundaries: the type of the new areas (default "ward") and their parent's code. */
  areaType?: AreaType;
  parentCode?: string;
  /** boundaries: "EPSG:4326" or "EPSG:27700"; detected when not given. */
  crs?: string;
  /** boundaries: simplification threshold, m² (default 8,000, as for the demo wards). */
  minArea?: number;
  progress?: Progress;
  /** Clock, for tests. */
  now?: () => Date;
}

/** What a kind's checker sees: the request, a read-only database, and where to report. */
export interface CheckContext {
  request: ImportRequest;
  fileName: string;
  sourceId: string;
  synthetic: boolean;
  db: Sqlite;
  problems: ProblemLog;
  warnings: ProblemLog;
  progress: Progress;
}

/** What a kind's writer sees: the same, with a read-write connection inside the transaction. */
export interface WriteContext {
  request: ImportRequest;
  fileName: string;
  sourceId: string;
  synthetic: boolean;
  /** SHA-256 of the file as checked: a writer that reads the file again must see the same bytes. */
  fileSha256: string;
  db: Sqlite;
  progress: Progress;
}

export interface WriteCounts {
  rowsWritten: number;
  rowsReplaced: number;
}

/** A file that passed every check, ready to be written. */
export interface CheckedFile {
  /** Data rows (CSV) or features (GeoJSON) read. */
  rowsRead: number;
  /** What rowsRead counts, for messages (default "rows"). */
  rowsLabel?: string;
  /** Plain-English lines describing what will be (or was) written. */
  summary: string[];
  write(context: WriteContext): Promise<WriteCounts>;
}

export interface KindImporter {
  /** Extra files that shape the result (hashed into the import's identity). */
  extraFiles(request: ImportRequest): Record<string, string | undefined>;
  /** Options that shape the result (hashed into the import's identity and recorded). */
  settings(request: ImportRequest): Record<string, unknown>;
  /** Checks everything, logging problems; returns null when the file cannot be imported. */
  check(context: CheckContext): Promise<CheckedFile | null>;
}

/** A thrown error meaning "the file changed under us": nothing was written. */
export class FileChangedError extends Error {
  constructor(file: string) {
    super(`${file} changed while it was being imported, so nothing was imported. Run the import again.`);
    this.name = "FileChangedError";
  }
}

// Streaming CSV for imports. The file is read in chunks cut at record boundaries (never inside a
// quoted field), and each chunk is parsed by the project's strict RFC 4180 parser
// (lib/csv/parse-csv.ts). Chunks without any double quote take a fast path that splits on line
// breaks and commas: for quote-free text that is exactly what the strict parser does, ten times
// faster, which matters for a million-row file. Line numbers are those of the whole file.
import { parseCsvRecords, type CsvRecord } from "@/lib/csv/parse-csv";
import { FileProblem, type Problem, type ProblemLog } from "@/lib/import/problems";
import { countLineBreaks, displayName, readTextChunks, type TextChunkOptions } from "@/lib/import/read-text";

/** A record may not run on for more than this without a line break outside quotes. */
const MAX_RECORD_CHARS = 8 << 20;

const PARSER_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /unexpected quote inside an unquoted field/,
    'A double quote (") appears inside a value that does not start with one. Put the whole value in double quotes and write the quote inside it twice ("").',
  ],
  [/quoted field is never closed/, "A value starts with a double quote that is never closed."],
  [
    /unexpected character after a closing quote/,
    "Text follows the closing double quote of a value. Put the whole value in double quotes.",
  ],
];

/** Rewrites an error of parseCsvRecords (which numbers lines within the chunk) for the whole file. */
function parserProblem(error: unknown, file: string, lineOffset: number): FileProblem {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^CSV line (\d+): (.*)$/.exec(message);
  const line = match ? lineOffset + Number(match[1]) : undefined;
  const reason = PARSER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? match?.[2] ?? message;
  return new FileProblem({ file, line, message: `${reason} The rest of the file was not checked.` });
}

/**
 * Records of a text that ends at a record boundary, numbered from `lineOffset` + 1, and the
 * number of line breaks in the text. Blank lines are left out. Quote-free text is split
 * directly; anything else goes through parseCsvRecords.
 */
export function splitCsvRecords(
  text: string,
  lineOffset = 0,
  file = "file",
): { records: CsvRecord[]; lineBreaks: number } {
  if (!text.includes('"')) {
    const records: CsvRecord[] = [];
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line !== "") records.push({ fields: line.split(","), line: lineOffset + i + 1 });
    }
    return { records, lineBreaks: lines.length - 1 };
  }
  try {
    const records = parseCsvRecords(text)
      .filter((record) => !(record.fields.length === 1 && record.fields[0] === ""))
      .map((record) => ({ fields: record.fields, line: lineOffset + record.line }));
    return { records, lineBreaks: countLineBreaks(text) };
  } catch (error) {
    throw parserProblem(error, file, lineOffset);
  }
}

/** A CR held back at the end of the previous chunk ends a record unless a LF follows it. */
function crBoundaryAt(text: string, index: number): number {
  return text.charCodeAt(index) === 13 ? index + (text.charCodeAt(index + 1) === 10 ? 2 : 1) : 0;
}

/** Index just past the last line break in text[0, to), or -1. A CR at `to` - 1 does not count: it may be half a CRLF. */
function lastLineBreak(text: string, to: number): number {
  const lf = text.lastIndexOf("\n", to - 1);
  let cr = text.lastIndexOf("\r", to - 1);
  // (lastIndexOf treats a negative start as 0, so the CR at 0 needs its own test.)
  if (cr === to - 1) cr = to >= 2 ? text.lastIndexOf("\r", to - 2) : -1;
  const end = Math.max(lf, cr);
  return end < 0 ? -1 : end + 1;
}

/**
 * Every record of a CSV file, streamed in batches (one per chunk read, so a million rows cost a
 * few hundred awaits, not a million); blank lines are skipped. Throws FileProblem.
 */
export async function* readCsvRecordBatches(file: string, options: TextChunkOptions = {}): AsyncGenerator<CsvRecord[]> {
  const name = displayName(file);
  let pending = "";
  let scanned = 0; // pending[0, scanned) has been scanned for record boundaries
  let inQuotes = false; // the state at `scanned`
  let boundary = 0; // end of the last complete record in pending
  let lineOffset = 0; // lines before pending starts

  const flush = (upTo: number): CsvRecord[] => {
    if (upTo === 0) return [];
    const complete = pending.slice(0, upTo);
    pending = pending.slice(upTo);
    scanned -= upTo;
    boundary = 0;
    const { records, lineBreaks } = splitCsvRecords(complete, lineOffset, name);
    lineOffset += lineBreaks;
    return records;
  };

  for await (const chunk of readTextChunks(file, options)) {
    pending += chunk;
    if (!inQuotes && !chunk.includes('"')) {
      // No quote in the new text: its last line break is the boundary (the usual case, found
      // fast). Line breaks before `scanned` were inside quotes, or they would have been flushed.
      const start = pending.length - chunk.length;
      const end = lastLineBreak(chunk, chunk.length);
      if (end > 0) boundary = start + end;
      else if (scanned < start) boundary = Math.max(boundary, crBoundaryAt(pending, scanned));
      scanned = pending.length - (pending.endsWith("\r") ? 1 : 0);
    } else {
      let i = scanned;
      for (; i < pending.length; i++) {
        const code = pending.charCodeAt(i);
        if (code === 34) inQuotes = !inQuotes;
        else if (!inQuotes && (code === 10 || code === 13)) {
          if (code === 13) {
            if (i + 1 >= pending.length) break; // a CR at the very end may be half of a CRLF
            if (pending.charCodeAt(i + 1) === 10) i++;
          }
          boundary = i + 1;
        }
      }
      scanned = i;
    }
    const records = flush(boundary);
    if (records.length > 0) yield records;
    if (pending.length > MAX_RECORD_CHARS) {
      throw new FileProblem({
        file: name,
        line: lineOffset + 1,
        message:
          "A value starting on this line runs on for millions of characters: probably a double quote that is never closed. The rest of the file was not checked.",
      });
    }
  }
  // The last record need not end with a line break.
  const last = flush(pending.length);
  if (last.length > 0) yield last;
}

/** Every record of a CSV file, one at a time (convenient for small files). */
export async function* readCsvRecords(file: string, options: TextChunkOptions = {}): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvRecordBatches(file, options)) yield* batch;
}

export interface ColumnSpec {
  /** Columns that must be present (normalised names). */
  required: readonly string[];
  optional: readonly string[];
  /** Other accepted spellings, normalised → canonical, e.g. latitude → lat. */
  aliases?: Readonly<Record<string, string>>;
  /** Extra columns are expected (e.g. survey questions) and not worth a warning. */
  extraAllowed?: boolean;
}

/** "Area Code" → "area_code": header names are matched without regard to case or spacing. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export interface CsvDataRow {
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  /** Canonical column name → index in `fields`. Includes extra columns under their normalised names. */
  columns: ReadonlyMap<string, number>;
  /**
   * Data rows whose field count matches the header (others are reported as problems), in
   * batches. Iterate once.
   */
  batches: AsyncGenerator<CsvDataRow[]>;
}

export interface ReportLogs {
  problems: ProblemLog;
  warnings: ProblemLog;
}

/**
 * Opens a CSV file and checks its header: delimiter, duplicate and missing columns. Returns null
 * (with problems logged) when the rows cannot be read meaningfully. The returned rows skip and
 * report rows with the wrong number of values, and report an empty or header-only file.
 */
export async function openCsvTable(
  file: string,
  spec: ColumnSpec,
  logs: ReportLogs,
  options: TextChunkOptions = {},
): Promise<CsvTable | null> {
  const name = displayName(file);
  const source = readCsvRecordBatches(file, options);
  let buffered: CsvRecord[] = [];
  while (buffered.length === 0) {
    const next = await source.next();
    if (next.done) {
      logs.problems.add({ file: name, message: "The file is empty." });
      return null;
    }
    buffered = next.value;
  }
  const header = buffered[0]!;
  const firstRows = buffered.slice(1);
  const problem = (message: string, column?: string): Problem => ({ file: name, line: header.line, column, message });

  if (header.fields.length === 1) {
    const only = header.fields[0]!;
    const separator = only.includes(";")
      ? "semicolons (;)"
      : only.includes("\t")
        ? "tabs"
        : only.includes("|")
          ? "vertical bars (|)"
          : null;
    if (separator) {
      logs.problems.add(
        problem(
          `The columns are separated by ${separator}, not commas. Save the file as "CSV UTF-8 (Comma delimited)"; ` +
            "spreadsheets set to a European locale use semicolons unless told otherwise.",
        ),
      );
      return null;
    }
  }

  const aliases = spec.aliases ?? {};
  const known = new Set([...spec.required, ...spec.optional]);
  const columns = new Map<string, number>();
  let fatal = false;
  header.fields.forEach((raw, index) => {
    const normalised = normaliseColumnName(raw);
    if (normalised === "") {
      logs.warnings.add(problem(`Column ${index + 1} has no name in the header row, so it was ignored.`));
      return;
    }
    const canonical = aliases[normalised] ?? normalised;
    if (columns.has(canonical)) {
      logs.problems.add(problem(`The column "${raw.trim()}" appears more than once in the header row.`, raw.trim()));
      fatal = true;
      return;
    }
    columns.set(canonical, index);
    if (!known.has(canonical) && !spec.extraAllowed) {
      logs.warnings.add(problem(`The column "${raw.trim()}" is not used by this import and was ignored.`, raw.trim()));
    }
  });
  const present = header.fields.map((f) => f.trim()).filter((f) => f !== "");
  for (const column of spec.required) {
    if (!columns.has(column)) {
      logs.problems.add(
        problem(
          `The file has no "${column}" column. The header row has: ${present.join(", ") || "(nothing)"}. ` +
            "Column names are not case-sensitive.",
          column,
        ),
      );
      fatal = true;
    }
  }
  if (fatal) return null;

  const width = header.fields.length;
  let seen = 0;
  let kept = 0;
  const keep = (records: CsvRecord[]): CsvDataRow[] => {
    const rows: CsvDataRow[] = [];
    for (const record of records) {
      seen++;
      if (record.fields.length === width) {
        // A row of empty cells (",,,,") as spreadsheets leave at the end is not data.
        if (!record.fields.every((f) => f.trim() === "")) rows.push(record);
        continue;
      }
      if (record.fields.every((f) => f.trim() === "")) continue;
      logs.problems.add({
        file: name,
        line: record.line,
        message:
          `This row has ${record.fields.length} values but the header row has ${width} columns.` +
          (record.fields.length > width ? " A value containing a comma must be in double quotes." : ""),
      });
    }
    kept += rows.length;
    return rows;
  };
  async function* batches(): AsyncGenerator<CsvDataRow[]> {
    const first = keep(firstRows);
    if (first.length) yield first;
    for await (const records of source) {
      const rows = keep(records);
      if (rows.length) yield rows;
    }
    if (kept === 0 && (seen === 0 || logs.problems.isEmpty)) {
      logs.problems.add({ file: name, message: "The file has a header row but no data rows." });
    }
  }
  return { file: name, columns, batches: batches() };
}

/** The data rows one at a time (convenient for small files). */
export async function* eachRow(table: CsvTable): AsyncGenerator<CsvDataRow> {
  for await (const batch of table.batches) yield* batch;
}

/** The trimmed text of a column in a row, or "" when the column is absent from the file. */
export function cellOf(row: CsvDataRow, columns: ReadonlyMap<string, number>, column: string): string {
  const index = columns.get(column);
  return index === undefined ? "" : (row.fields[index] ?? "").trim();
}

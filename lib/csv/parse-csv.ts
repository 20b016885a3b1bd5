// A small RFC 4180 CSV parser. The raw data files mix LF and CRLF endings, quoted and unquoted
// headers, and R's write.csv style (empty cell = NA), so we parse strictly and fail loudly rather
// than guess: a silently shifted column would corrupt every figure computed from it.

/** One parsed record and the 1-based line on which it starts (records may span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

const QUOTE = '"';
const COMMA = ",";
const BOM = "\uFEFF";

/**
 * Splits CSV text into records of raw string fields. Handles quoted fields containing commas,
 * doubled quotes ("") and line breaks; CRLF, LF or lone CR record separators; a leading UTF-8 BOM;
 * and a trailing line break. Blank lines at the very end are ignored; any other blank line is a
 * record with one empty field. Throws on an unterminated quote or a stray quote.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Whether the current field was quoted, so an empty quoted field at the end of a line counts.
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  // Blank lines (no characters at all) are remembered so that trailing ones can be dropped.
  const blank: boolean[] = [];
  const endRecord = () => {
    blank.push(fields.length === 0 && field === "" && !fieldStarted);
    endField();
    records.push({ fields, line: recordLine });
    fields = [];
  };

  while (i < input.length) {
    const char = input[i];
    if (char === QUOTE) {
      if (field !== "" || fieldStarted) {
        throw new Error(`CSV line ${line}: unexpected quote inside an unquoted field.`);
      }
      fieldStarted = true;
      const quoteLine = line;
      i++;
      // Read until the closing quote; "" is an escaped quote.
      for (;;) {
        if (i >= input.length) {
          throw new Error(`CSV line ${quoteLine}: quoted field is never closed.`);
        }
        const inner = input[i];
        if (inner === QUOTE) {
          if (input[i + 1] === QUOTE) {
            field += QUOTE;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (inner === "\n" || (inner === "\r" && input[i + 1] !== "\n")) line++;
        field += inner;
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== COMMA && next !== "\n" && next !== "\r") {
        throw new Error(`CSV line ${line}: unexpected character after a closing quote.`);
      }
      continue;
    }
    if (char === COMMA) {
      endField();
      i++;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += char;
    i++;
  }
  // The last record has no line break after it (or the text ended with one, giving nothing here).
  if (field !== "" || fieldStarted || fields.length > 0) endRecord();

  // A trailing line break is not an extra record; nor are blank lines at the very end.
  while (records.length > 0 && blank[records.length - 1]) records.pop();
  return records;
}

/** Splits CSV text into rows of string fields (see parseCsvRecords for what is accepted). */
export function parseCsvRows(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}

/**
 * Parses CSV text with a header row into one object per data row, keyed by header name.
 * Throws if a header name repeats or a row's field count differs from the header's
 * (the message names the 1-based line the row starts on).
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (header === undefined) return [];
  const names = header.fields;
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`CSV line ${header.line}: header "${name}" appears more than once.`);
    seen.add(name);
  }
  return records.slice(1).map(({ fields, line }) => {
    if (fields.length !== names.length) {
      throw new Error(
        `CSV line ${line}: expected ${names.length} fields (as in the header) but found ${fields.length}.`,
      );
    }
    const row: Record<string, string> = {};
    names.forEach((name, index) => {
      row[name] = fields[index]!;
    });
    return row;
  });
}

// Cell helpers for parsed rows. Number("") is 0, so an empty cell must never reach Number().

/** The raw text of a cell; throws naming the source if the column is absent. */
export function cell(row: Record<string, string>, column: string, source: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`${source}: no column "${column}".`);
  return value;
}

/** A cell that must hold a finite number. */
export function numberCell(row: Record<string, string>, column: string, source: string): number {
  const value = optionalNumberCell(row, column, source);
  if (value === null) throw new Error(`${source}: column "${column}" is empty where a number is required.`);
  return value;
}

/** A numeric cell that may be missing: empty or "NA" (R's missing value) gives null. */
export function optionalNumberCell(row: Record<string, string>, column: string, source: string): number | null {
  const text = cell(row, column, source).trim();
  if (text === "" || text === "NA") return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${source}: column "${column}" has "${text}", not a number.`);
  return value;
}

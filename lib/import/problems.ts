// Problems found while checking an import file, collected so that every one is reported at once
// (file, line, column and a plain reason), rather than stopping at the first. Warnings are kept
// apart: they are worth reading but do not stop an import.

export interface Problem {
  /** The file's name as the user gave it (no folders), e.g. "wellbeing-2025.csv". */
  file: string;
  /** 1-based line in a text file, where the problem is. */
  line?: number;
  /** Where in a structured file (JSON, GeoJSON), e.g. `feature 3 (E05010805)` or `indicator "x"`. */
  where?: string;
  /** The column (CSV) or field (JSON) concerned. */
  column?: string;
  /** A plain-English reason, as a full sentence. */
  message: string;
}

/** Thrown when a file cannot be read on at all (wrong encoding, not CSV, unclosed quote). */
export class FileProblem extends Error {
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
    this.name = "FileProblem";
  }
}

/**
 * A list of problems with a cap on how many are kept in detail: a file with an error on every
 * one of a million rows should print a readable report, not a million lines. `total` still
 * counts them all.
 */
export class ProblemLog {
  readonly items: Problem[] = [];
  total = 0;

  constructor(readonly limit = 500) {}

  add(problem: Problem): void {
    this.total++;
    if (this.items.length < this.limit) this.items.push(problem);
  }

  get isEmpty(): boolean {
    return this.total === 0;
  }
}

/** `wellbeing.csv, line 14, column "value": "12,5" is not a number.` */
export function formatProblem(problem: Problem): string {
  const place = [problem.file];
  if (problem.line !== undefined) place.push(`line ${problem.line}`);
  if (problem.where !== undefined) place.push(problem.where);
  if (problem.column !== undefined) place.push(`column "${problem.column}"`);
  return `${place.join(", ")}: ${problem.message}`;
}

/** The problems as printed lines, with a closing line when some were left out. */
export function formatProblemList(log: ProblemLog): string[] {
  const lines = log.items.map(formatProblem);
  const hidden = log.total - log.items.length;
  if (hidden > 0) {
    lines.push(`… and ${hidden.toLocaleString("en-GB")} more problem${hidden === 1 ? "" : "s"} not listed.`);
  }
  return lines;
}

// Reading single cells of an import file. Each reader returns the value, or a plain-English reason
// why the text is not acceptable; the caller adds file, line and column. Nothing here throws.

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(reason: string): Cell<T> => ({ ok: false, reason });

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number in a cell: null when empty or "NA", undefined when not a number (then
 * numberProblem says why). Allocation-free, for the million-row path.
 */
export function quickNumber(text: string): number | null | undefined {
  if (text === "" || text === "NA") return null;
  const value = +text;
  return Number.isFinite(value) && NUMBER.test(text) ? value : undefined;
}

/** Why a cell is not a number, in words (for text that quickNumber rejected). */
export function numberProblem(text: string): string {
  if (/^[+-]?[\d.]+%$/.test(text)) return `"${text}" is not a plain number: write percentages without the % sign.`;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    return `"${text}" is not a plain number: write numbers without thousands separators.`;
  }
  if (/^[+-]?\d+,\d+$/.test(text)) return `"${text}" is not a number: use a full stop for decimals.`;
  return `"${text}" is not a number.`;
}

/** A number, or null for an empty cell or "NA". */
export function readOptionalNumber(text: string): Cell<number | null> {
  const value = quickNumber(text);
  return value === undefined ? bad(numberProblem(text)) : ok(value);
}

export function readRequiredNumber(text: string): Cell<number> {
  if (text === "" || text === "NA") return bad("This cell is empty but a number is needed.");
  return readOptionalNumber(text) as Cell<number>;
}

/** A whole number ≥ 0, or null when empty. */
export function readOptionalCount(text: string): Cell<number | null> {
  const number = readOptionalNumber(text);
  if (!number.ok || number.value === null) return number;
  if (!Number.isInteger(number.value) || number.value < 0) {
    return bad(`"${text}" should be a whole number of 0 or more.`);
  }
  return number;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", ""]);

/** true/false, yes/no, y/n, 1/0 (any case); empty is false. */
export function readFlag(text: string): Cell<boolean> {
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return ok(true);
  if (FALSE_WORDS.has(lower)) return ok(false);
  return bad(`"${text}" should be true or false (yes/no and 1/0 are accepted too).`);
}

// Periods must sort in time order as text, which these forms do.
const PERIOD_FORMS: ReadonlyArray<RegExp> = [
  /^\d{4}$/, // 2025
  /^\d{4}-\d{2}$/, // 2025-26 (financial or academic year) or 2025-01 (month)
  /^\d{4}-Q[1-4]$/, // 2025-Q1
  /^\d{4}-\d{2}-\d{2}$/, // 2025-03-31
];

export function readPeriod(text: string): Cell<string> {
  if (text === "") return bad("The period is empty.");
  if (PERIOD_FORMS.some((form) => form.test(text))) return ok(text);
  return bad(
    `"${text}" is not a period this dashboard understands. Use a year (2025), a financial year (2025-26), ` +
      "a quarter (2025-Q1), a month (2025-01) or a date (2025-03-31), so that periods sort in time order.",
  );
}

const GROUP = /^[a-z][a-z0-9_-]*:\S(.*\S)?$/;

/** "all" (also when empty), or "<dimension>:<value>" such as "age:16-34". */
export function readGroup(text: string): Cell<string> {
  if (text === "" || text.toLowerCase() === "all") return ok("all");
  if (GROUP.test(text)) return ok(text);
  return bad(
    `"${text}" is not a population group. Use "all", or a dimension and a value separated by a colon, such as "age:16-34" or "sex:female".`,
  );
}

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function readSlug(text: string): Cell<string> {
  if (SLUG.test(text)) return ok(text);
  return bad(
    `"${text}" is not a valid indicator slug: use lower-case letters, digits and single hyphens, e.g. "park-visits".`,
  );
}

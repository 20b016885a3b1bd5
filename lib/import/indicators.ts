// `npm run import -- indicators <file.csv> [--metadata <file>]`: a tidy CSV of figures, one row per
// indicator × area × period × group. The file is streamed twice: once to check every row
// (keeping only what duplicate detection needs), then, if all is well, again inside the write
// transaction, so a million-row file never has to sit in memory.
import crypto from "node:crypto";
import fs from "node:fs";
import type { Observation, Unit } from "@/lib/domain/types";
import { numberProblem, quickNumber, readFlag, readGroup, readPeriod, type Cell } from "@/lib/import/cells";
import { openCsvTable, type CsvDataRow, type CsvTable } from "@/lib/import/csv-reader";
import { LineByKey } from "@/lib/import/key-table";
import {
  deleteStaleIndicators,
  resolveIndicators,
  writeIndicatorDefinitions,
  type ResolvedIndicators,
} from "@/lib/import/indicator-metadata";
import {
  applyDemoReplacement,
  checkDemoReplacement,
  DEMO_SYNTHETIC_SOURCE_IDS,
  describeDemoReplacement,
} from "@/lib/import/demo-replacement";
import { insertObservations } from "@/lib/import/observations";
import { ProblemLog } from "@/lib/import/problems";
import { displayName } from "@/lib/import/read-text";
import { loadAreas, placeholders, type Sqlite } from "@/lib/import/store";
import { FileChangedError, type CheckContext, type CheckedFile, type KindImporter } from "@/lib/import/types";

export const INDICATOR_COLUMNS = {
  required: ["area_code", "indicator", "period", "value"],
  optional: ["lower_ci", "upper_ci", "numerator", "denominator", "sample_size", "group", "suppressed"],
} as const;

const RANGE: Record<Unit, { min: number; max: number; label: string } | null> = {
  percent: { min: 0, max: 100, label: "a percentage (0 to 100)" },
  per1000: { min: 0, max: 1000, label: "a rate per 1,000 (0 to 1,000)" },
  score: null,
};

export interface RowCheckSetup {
  areas: readonly string[];
  indicators: ReadonlyMap<string, Unit>;
  /** Slugs whose problems were reported elsewhere (a rejected metadata entry). */
  silentlyUnknown: ReadonlySet<string>;
  sourceId: string;
  synthetic: boolean;
}

/** Where a row's problems go: (line, column, message). */
export type RowReport = (line: number, column: string | undefined, message: string) => void;

type Known = { index: number; reason: null; value: string } | { index: -1; reason: string; value: string };

interface KnownCache {
  byText: Map<string, Known>;
  byValue: Map<string, number>;
}

const KEY_BITS = [10, 17, 13, 13] as const;
const NUMBER_COLUMNS = ["value", "lower_ci", "upper_ci", "numerator", "denominator", "sample_size"] as const;

/**
 * Checks rows of an indicators file and turns them into observations. The same checker checks
 * the file on the first pass and converts it on the second, so the two cannot disagree. Written
 * for speed (a million rows): no closures or result objects per cell, and periods and groups are
 * checked once per distinct text.
 */
export class ObservationRowChecker {
  private readonly at: Record<string, number | undefined>;
  private readonly areaIndex = new Map<string, number>();
  private readonly indicatorIndex = new Map<string, number>();
  private readonly periods: KnownCache = { byText: new Map(), byValue: new Map() };
  private readonly groups: KnownCache = { byText: new Map(), byValue: new Map() };
  /** The packed key of the last row accepted (see key()), or -1 if it does not fit in 53 bits. */
  lastKey = -1;
  lastKeyText = "";

  constructor(
    columns: ReadonlyMap<string, number>,
    private readonly setup: RowCheckSetup,
  ) {
    this.at = Object.fromEntries(
      [...INDICATOR_COLUMNS.required, ...INDICATOR_COLUMNS.optional].map((c) => [c, columns.get(c)]),
    );
    for (const code of setup.areas) this.areaIndex.set(code, this.areaIndex.size);
    for (const slug of setup.indicators.keys()) this.indicatorIndex.set(slug, this.indicatorIndex.size);
  }

  private cell(fields: readonly string[], column: string): string {
    const index = this.at[column];
    return index === undefined ? "" : fields[index]!.trim();
  }

  /**
   * A period or group, checked once per distinct text. Valid ones are indexed by value (so ""
   * and "all" are the same group); invalid ones are not cached, so a file full of distinct bad
   * texts cannot grow the cache.
   */
  private known(cache: KnownCache, text: string, read: (text: string) => Cell<string>): Known {
    const cached = cache.byText.get(text);
    if (cached) return cached;
    const cell = read(text);
    if (!cell.ok) return { index: -1, reason: cell.reason, value: text };
    let index = cache.byValue.get(cell.value);
    if (index === undefined) {
      index = cache.byValue.size;
      cache.byValue.set(cell.value, index);
    }
    const entry: Known = { index, reason: null, value: cell.value };
    cache.byText.set(text, entry);
    return entry;
  }

  /** The row as an observation, or null after reporting every problem it has. */
  check(row: CsvDataRow, report: RowReport): Observation | null {
    const { fields, line } = row;
    const setup = this.setup;
    let failed = false;

    const areaCode = this.cell(fields, "area_code");
    const areaIndex = this.areaIndex.get(areaCode);
    if (areaIndex === undefined) {
      failed = true;
      if (areaCode === "") report(line, "area_code", "The area code is empty.");
      else {
        const upper = areaCode.toUpperCase();
        const hint = this.areaIndex.has(upper) ? ` Did you mean "${upper}"?` : "";
        report(
          line,
          "area_code",
          `Unknown area code "${areaCode}": there is no such area in the database.${hint} Check the code, or import the area's boundary first.`,
        );
      }
    }
    const slug = this.cell(fields, "indicator");
    const unit = setup.indicators.get(slug);
    if (unit === undefined) {
      failed = true;
      if (slug === "") report(line, "indicator", "The indicator is empty.");
      else if (!setup.silentlyUnknown.has(slug)) {
        report(
          line,
          "indicator",
          `Unknown indicator "${slug}": it is not in the database. Describe new indicators in a metadata file given with --metadata.`,
        );
      }
    }
    const period = this.known(this.periods, this.cell(fields, "period"), readPeriod);
    if (period.reason !== null) {
      failed = true;
      report(line, "period", period.reason);
    }
    const group = this.known(this.groups, this.cell(fields, "group"), readGroup);
    if (group.reason !== null) {
      failed = true;
      report(line, "group", group.reason);
    }
    const suppressedText = this.cell(fields, "suppressed");
    let suppressed = false;
    if (suppressedText !== "") {
      const flag = readFlag(suppressedText);
      if (flag.ok) suppressed = flag.value;
      else {
        failed = true;
        report(line, "suppressed", flag.reason);
      }
    }

    // The six numbers, each null (empty), a number, or undefined (unreadable, already reported).
    const numbers: (number | null | undefined)[] = [];
    for (const column of NUMBER_COLUMNS) {
      const text = this.cell(fields, column);
      let value = quickNumber(text);
      if (value === undefined) {
        failed = true;
        report(line, column, numberProblem(text));
      } else if (column === "sample_size" && value !== null && !(Number.isInteger(value) && value >= 0)) {
        failed = true;
        report(line, column, `"${text}" should be a whole number of 0 or more.`);
        value = undefined;
      }
      numbers.push(value);
    }
    const [value, lowerCi, upperCi, numerator, denominator, sampleSize] = numbers;

    if (suppressed) {
      const withNumbers = NUMBER_COLUMNS.filter((_, i) => numbers[i] !== null && numbers[i] !== undefined);
      if (withNumbers.length > 0) {
        failed = true;
        report(
          line,
          withNumbers[0],
          `This row is marked suppressed, so it must not carry numbers: leave ${withNumbers.join(", ")} empty.`,
        );
      }
    } else {
      if (lowerCi !== undefined && upperCi !== undefined && (lowerCi === null) !== (upperCi === null)) {
        failed = true;
        report(line, lowerCi === null ? "lower_ci" : "upper_ci", "Give both lower_ci and upper_ci, or neither.");
      }
      if (value === null && (typeof lowerCi === "number" || typeof upperCi === "number")) {
        failed = true;
        report(
          line,
          "value",
          "The value is empty but the row has confidence limits. Give the value, or mark the row suppressed.",
        );
      }
      if (typeof lowerCi === "number" && typeof upperCi === "number" && lowerCi > upperCi) {
        failed = true;
        report(line, "lower_ci", `The lower limit (${lowerCi}) is above the upper limit (${upperCi}).`);
      } else if (typeof value === "number") {
        if (typeof lowerCi === "number" && lowerCi > value) {
          failed = true;
          report(line, "lower_ci", `The lower limit (${lowerCi}) is above the value (${value}).`);
        }
        if (typeof upperCi === "number" && upperCi < value) {
          failed = true;
          report(line, "upper_ci", `The upper limit (${upperCi}) is below the value (${value}).`);
        }
      }
      const range = unit ? RANGE[unit] : null;
      if (range) {
        for (let i = 0; i < 3; i++) {
          const v = numbers[i];
          if (typeof v === "number" && (v < range.min || v > range.max)) {
            failed = true;
            report(line, NUMBER_COLUMNS[i], `${v} is outside the possible range: "${slug}" is ${range.label}.`);
          }
        }
      }
      if (typeof numerator === "number" && numerator < 0) {
        failed = true;
        report(line, "numerator", "The numerator cannot be negative.");
      }
      if (typeof denominator === "number" && denominator <= 0) {
        failed = true;
        report(line, "denominator", "The denominator must be above 0.");
      }
      if (
        unit === "percent" &&
        typeof numerator === "number" &&
        typeof denominator === "number" &&
        numerator > denominator
      ) {
        failed = true;
        report(line, "numerator", `The numerator (${numerator}) is larger than the denominator (${denominator}).`);
      }
    }
    if (failed) return null;

    const parts = [this.indicatorIndex.get(slug)!, areaIndex!, period.index, group.index];
    if (parts.every((part, i) => part < 2 ** KEY_BITS[i]!)) {
      this.lastKey =
        ((parts[0]! * 2 ** KEY_BITS[1] + parts[1]!) * 2 ** KEY_BITS[2] + parts[2]!) * 2 ** KEY_BITS[3] + parts[3]!;
    } else {
      this.lastKey = -1;
      this.lastKeyText = parts.join(",");
    }
    return {
      indicatorSlug: slug,
      areaCode,
      period: period.value,
      group: group.value,
      value: value ?? null,
      lowerCi: lowerCi ?? null,
      upperCi: upperCi ?? null,
      numerator: numerator ?? null,
      denominator: denominator ?? null,
      sampleSize: sampleSize ?? null,
      suppressed,
      synthetic: setup.synthetic,
      sourceId: setup.sourceId,
    };
  }
}

/** Remembers each indicator × area × period × group accepted, and the line it was first on. */
export class ObservationKeys {
  private readonly packed = new LineByKey(1 << 16);
  private readonly overflow = new Map<string, number>();

  /** Records the key of the row the checker just accepted; returns an earlier line with the same key. */
  add(checker: ObservationRowChecker, line: number): number | undefined {
    if (checker.lastKey >= 0) return this.packed.addIfAbsent(checker.lastKey, line);
    const earlier = this.overflow.get(checker.lastKeyText);
    if (earlier === undefined) this.overflow.set(checker.lastKeyText, line);
    return earlier;
  }
}

/**
 * Finds figures for the same key from other sources, which an import must never overwrite.
 * Returns the other source's id and whether an import made it, or null when the key is free.
 * Figures of `ignoredSources` are not looked at (the demo's synthetic ones, which a real import
 * either replaces or is refused for as a whole: lib/import/demo-replacement.ts).
 */
export function otherSourceLookup(db: Sqlite, sourceId: string, ignoredSources: readonly string[] = []) {
  const others = [sourceId, ...ignoredSources];
  const notOthers = `sourceId NOT IN (${placeholders(others.length)})`;
  const indicatorsWithOthers = new Set(
    (
      db.prepare(`SELECT DISTINCT indicatorSlug FROM Observation WHERE ${notOthers}`).all(...others) as {
        indicatorSlug: string;
      }[]
    ).map((row) => row.indicatorSlug),
  );
  const lookup = db.prepare(
    `SELECT sourceId FROM Observation WHERE indicatorSlug = ? AND areaCode = ? AND period = ? AND "group" = ? AND ${notOthers}`,
  );
  const imported = db.prepare("SELECT COUNT(*) AS n FROM ImportBatch WHERE sourceId = ?");
  const isImport = new Map<string, boolean>();
  return (key: Pick<Observation, "indicatorSlug" | "areaCode" | "period" | "group">) => {
    if (!indicatorsWithOthers.has(key.indicatorSlug)) return null;
    const row = lookup.get(key.indicatorSlug, key.areaCode, key.period, key.group, ...others) as
      { sourceId: string } | undefined;
    if (!row) return null;
    let fromImport = isImport.get(row.sourceId);
    if (fromImport === undefined) {
      fromImport = (imported.get(row.sourceId) as { n: number }).n > 0;
      isImport.set(row.sourceId, fromImport);
    }
    return { sourceId: row.sourceId, fromImport };
  };
}

/** Why a figure cannot be written: another source has one for the same key. */
export function conflictMessage(
  key: Pick<Observation, "indicatorSlug" | "areaCode" | "period" | "group">,
  other: { sourceId: string; fromImport: boolean },
): string {
  return (
    `There is already a figure for ${key.indicatorSlug}, ${key.areaCode}, ${key.period}, group ${key.group} ` +
    `from the source "${other.sourceId}"; figures from other sources are never overwritten.` +
    (other.fromImport
      ? ` If that was an earlier version of this file under another name, import with --source-id ${other.sourceId} to replace it.`
      : "")
  );
}

function hashFileInto(file: string) {
  const hash = crypto.createHash("sha256");
  return {
    onChunk: (chunk: Uint8Array) => hash.update(chunk),
    digest: () => hash.digest("hex"),
    size: fs.statSync(file).size,
  };
}

interface Tally {
  rows: number;
  indicators: Map<string, number>;
  areas: Set<string>;
  periods: Set<string>;
  groups: Set<string>;
  suppressed: number;
}

function summarise(tally: Tally, resolved: ResolvedIndicators): string[] {
  const n = (value: number) => value.toLocaleString("en-GB");
  const periods = [...tally.periods].sort();
  const lines = [
    `${n(tally.rows)} figures (${n(tally.suppressed)} suppressed) for ${n(tally.indicators.size)} indicator(s), ` +
      `${n(tally.areas.size)} area(s), ${periods.length === 1 ? `period ${periods[0]}` : `periods ${periods[0]} to ${periods.at(-1)}`}` +
      `${tally.groups.size > 1 ? `, ${n(tally.groups.size)} groups` : ""}.`,
  ];
  for (const [slug, count] of [...tally.indicators].sort()) {
    lines.push(`  ${slug}: ${n(count)} figure${count === 1 ? "" : "s"}`);
  }
  if (resolved.definitions.length) {
    lines.push(`Indicators defined by the metadata file: ${resolved.definitions.map((d) => d.slug).join(", ")}.`);
  }
  if (resolved.stale.length) lines.push(`Indicators no longer defined, to be removed: ${resolved.stale.join(", ")}.`);
  return lines;
}

export const indicatorsImporter: KindImporter = {
  extraFiles: (request) => ({ metadata: request.metadataFile }),
  settings: () => ({}),

  async check(context: CheckContext): Promise<CheckedFile | null> {
    const { request, db, problems, warnings, progress } = context;
    const resolved = await resolveIndicators(context, request.metadataFile);
    const areas = [...loadAreas(db).keys()];
    const setup: RowCheckSetup = {
      areas,
      indicators: resolved?.units ?? new Map(),
      silentlyUnknown: resolved?.rejected ?? new Set(),
      sourceId: context.sourceId,
      synthetic: context.synthetic,
    };
    const size = fs.statSync(request.file).size;
    let fraction = 0;
    const table = await openCsvTable(request.file, INDICATOR_COLUMNS, context, {
      onBytes: (bytes) => (fraction = size ? bytes / size : 1),
    });
    if (!table || !resolved) return null;

    const checker = new ObservationRowChecker(table.columns, setup);
    const keys = new ObservationKeys();
    const conflictWith = otherSourceLookup(db, context.sourceId, context.synthetic ? [] : DEMO_SYNTHETIC_SOURCE_IDS);
    const tally: Tally = {
      rows: 0,
      indicators: new Map(),
      areas: new Set(),
      periods: new Set(),
      groups: new Set(),
      suppressed: 0,
    };
    const report: RowReport = (line, column, message) => problems.add({ file: table.file, line, column, message });
    let read = 0;
    let valid = 0;
    const phase = `Checking ${table.file}`;
    for await (const batch of table.batches) {
      for (const row of batch) {
        read++;
        const observation = checker.check(row, report);
        if (!observation) continue;
        const earlier = keys.add(checker, row.line);
        if (earlier !== undefined) {
          report(
            row.line,
            undefined,
            `Duplicate row: line ${earlier} already has ${observation.indicatorSlug} for ${observation.areaCode}, ${observation.period}, group ${observation.group}.`,
          );
          continue;
        }
        const other = conflictWith(observation);
        if (other) {
          report(row.line, undefined, conflictMessage(observation, other));
          continue;
        }
        valid++;
        tally.rows++;
        tally.indicators.set(observation.indicatorSlug, (tally.indicators.get(observation.indicatorSlug) ?? 0) + 1);
        tally.areas.add(observation.areaCode);
        tally.periods.add(observation.period);
        tally.groups.add(observation.group);
        if (observation.suppressed) tally.suppressed++;
      }
      progress.update(phase, { read, validated: valid, fraction });
    }
    progress.finish(`Checked ${table.file}`, { read, validated: valid });
    for (const definition of resolved.definitions) {
      if (!tally.indicators.has(definition.slug)) {
        warnings.add({
          file: displayName(request.metadataFile ?? ""),
          where: `indicator "${definition.slug}"`,
          message: "This indicator has no rows in the data file; it will be created without figures.",
        });
      }
    }
    if (!problems.isEmpty) return null;
    const replacement = checkDemoReplacement(context, tally.indicators.keys());
    if (!replacement) return null;

    return {
      rowsRead: read,
      summary: [...summarise(tally, resolved), ...describeDemoReplacement(replacement)],
      async write(writeContext) {
        const { db: rw, progress: writeProgress } = writeContext;
        let written = writeIndicatorDefinitions(
          rw,
          resolved.definitions,
          writeContext.sourceId,
          writeContext.synthetic,
        );
        const replaced = rw.prepare("DELETE FROM Observation WHERE sourceId = ?").run(writeContext.sourceId).changes;
        deleteStaleIndicators(rw, resolved.stale, writeContext.sourceId);
        applyDemoReplacement(rw, replacement, writeContext.sourceId);

        // Second pass over the same bytes, checked by hash: a file edited since the check is refused.
        const hash = hashFileInto(request.file);
        let bytesFraction = 0;
        const again: CsvTable | null = await openCsvTable(
          request.file,
          INDICATOR_COLUMNS,
          // Fresh logs: the first pass has already reported this file's warnings.
          { problems: new ProblemLog(), warnings: new ProblemLog() },
          {
            onRawChunk: hash.onChunk,
            onBytes: (bytes) => (bytesFraction = hash.size ? bytes / hash.size : 1),
          },
        );
        if (!again) throw new FileChangedError(table.file);
        const recheck = new ObservationRowChecker(again.columns, setup);
        const changed: RowReport = () => {
          throw new FileChangedError(table.file);
        };
        const rows = async function* () {
          for await (const batch of again.batches) {
            const observations: Observation[] = [];
            for (const row of batch) {
              const observation = recheck.check(row, changed);
              if (!observation) throw new FileChangedError(table.file);
              observations.push(observation);
            }
            yield observations;
          }
        };
        const inserted = await insertObservations(rw, rows(), (count) =>
          writeProgress.update("Writing", { written: count, fraction: bytesFraction }),
        );
        if (hash.digest() !== writeContext.fileSha256 || inserted !== tally.rows)
          throw new FileChangedError(table.file);
        writeProgress.finish("Written", { written: inserted });
        written += inserted;
        return { rowsWritten: written, rowsReplaced: replaced };
      },
    };
  },
};

// Metadata for indicators a file brings that the database does not know yet: a JSON file (an
// array, or {"indicators": [...]}) or a CSV file with one row per indicator. Field names may be
// snake_case (short_title) or camelCase (shortTitle). Checked against the domain types.
import path from "node:path";
import {
  DOMAINS,
  POLARITIES,
  UNITS,
  type DomainKey,
  type Indicator,
  type Polarity,
  type Unit,
} from "@/lib/domain/types";
import { catalogueEntry } from "@/lib/indicators/catalogue";
import { readSlug } from "@/lib/import/cells";
import { eachRow, openCsvTable, type ReportLogs } from "@/lib/import/csv-reader";
import { displayName, readWholeText } from "@/lib/import/read-text";
import { FileProblem } from "@/lib/import/problems";
import { loadIndicators, type Sqlite } from "@/lib/import/store";
import type { CheckContext } from "@/lib/import/types";

/** An indicator as a metadata file defines it: the domain's Indicator, less what the import decides. */
export type IndicatorDefinition = Omit<Indicator, "caveats" | "synthetic" | "sourceId" | "sortOrder"> & {
  caveats: string | null;
  /** null: place after every indicator already in the database. */
  sortOrder: number | null;
};

const DEFAULT_UNIT_LABEL: Record<Unit, string> = { percent: "%", per1000: "per 1,000", score: "score" };

const FIELDS = [
  "slug",
  "title",
  "shortTitle",
  "description",
  "whyItMatters",
  "domain",
  "unit",
  "unitLabel",
  "polarity",
  "decimals",
  "method",
  "caveats",
  "sortOrder",
] as const;
type Field = (typeof FIELDS)[number];

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** short_title, shortTitle, "Short title" → shortTitle; undefined for unknown names. */
function fieldFor(name: string): Field | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return FIELDS.find((field) => snake(field) === key);
}

type RawEntry = { where: string; line?: number; values: Map<Field, unknown> };

async function readEntries(file: string, logs: ReportLogs): Promise<RawEntry[] | null> {
  const name = displayName(file);
  if (path.extname(file).toLowerCase() === ".csv") {
    const table = await openCsvTable(
      file,
      { required: ["slug"], optional: FIELDS.filter((f) => f !== "slug").map(snake) },
      logs,
    );
    if (!table) return null;
    const entries: RawEntry[] = [];
    for await (const row of eachRow(table)) {
      const values = new Map<Field, unknown>();
      for (const [column, index] of table.columns) {
        const field = fieldFor(column);
        const text = (row.fields[index] ?? "").trim();
        if (field && text !== "") values.set(field, text);
      }
      entries.push({ where: `indicator "${String(values.get("slug") ?? "")}"`, line: row.line, values });
    }
    return entries;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(await readWholeText(file));
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    logs.problems.add({ file: name, message: `This is not valid JSON: ${(error as Error).message}` });
    return null;
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { indicators?: unknown } | null)?.indicators;
  if (!Array.isArray(list)) {
    logs.problems.add({
      file: name,
      message: 'The metadata file should hold a list of indicators: [ {...}, ... ] or { "indicators": [ ... ] }.',
    });
    return null;
  }
  return list.map((item, index) => {
    const values = new Map<Field, unknown>();
    const where = `indicator ${index + 1}`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      logs.problems.add({ file: name, where, message: "Each indicator should be an object of fields." });
      return { where, values };
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const field = fieldFor(key);
      if (!field) {
        logs.warnings.add({
          file: name,
          where,
          column: key,
          message: `The field "${key}" is not used and was ignored.`,
        });
      } else if (value !== null && value !== undefined && value !== "") {
        values.set(field, value);
      }
    }
    const slug = values.get("slug");
    return { where: typeof slug === "string" ? `indicator "${slug}"` : where, values };
  });
}

export interface IndicatorMetadata {
  /** Definitions that passed every check. */
  definitions: IndicatorDefinition[];
  /** Every slug the file names, valid or not: rows using a rejected one need no second message. */
  mentioned: Set<string>;
}

/**
 * Reads and checks a metadata file. Returns the definitions that passed (problems are logged for
 * the rest), or null when the file could not be read at all.
 */
export async function readIndicatorMetadata(file: string, logs: ReportLogs): Promise<IndicatorMetadata | null> {
  const name = displayName(file);
  const entries = await readEntries(file, logs);
  if (!entries) return null;
  if (entries.length === 0) {
    logs.problems.add({ file: name, message: "The metadata file lists no indicators." });
    return null;
  }
  const mentioned = new Set<string>();
  for (const entry of entries) {
    const slug = entry.values.get("slug");
    if (typeof slug === "string") mentioned.add(slug.trim());
  }
  const definitions: IndicatorDefinition[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const report = (field: Field, message: string) =>
      logs.problems.add({ file: name, line: entry.line, where: entry.where, column: snake(field), message });
    const text = (field: Field, required: boolean): string | null => {
      const value = entry.values.get(field);
      if (value === undefined) {
        if (required) report(field, `The ${snake(field)} is missing.`);
        return null;
      }
      if (typeof value !== "string" || value.trim() === "") {
        report(field, `The ${snake(field)} should be text.`);
        return null;
      }
      return value.trim();
    };
    const choice = <T extends string>(field: Field, options: readonly T[]): T | null => {
      const value = text(field, true);
      if (value === null) return null;
      if ((options as readonly string[]).includes(value)) return value as T;
      report(field, `"${value}" is not one of: ${options.join(", ")}.`);
      return null;
    };
    const integer = (field: Field, min: number, max: number): number | null | undefined => {
      const value = entry.values.get(field);
      if (value === undefined) return undefined;
      const number = typeof value === "number" ? value : Number(String(value).trim());
      if (!Number.isInteger(number) || number < min || number > max) {
        report(field, `The ${snake(field)} should be a whole number from ${min} to ${max}.`);
        return null;
      }
      return number;
    };

    const slugText = text("slug", true);
    let slug: string | null = null;
    if (slugText !== null) {
      const checked = readSlug(slugText);
      if (checked.ok) slug = checked.value;
      else report("slug", checked.reason);
    }
    if (slug !== null) {
      const earlier = seen.get(slug);
      if (earlier) {
        report("slug", `The indicator "${slug}" is defined twice (also at ${earlier}).`);
        slug = null;
      } else {
        seen.set(slug, entry.line !== undefined ? `line ${entry.line}` : entry.where);
      }
    }
    const title = text("title", true);
    const shortTitle = text("shortTitle", false);
    const description = text("description", true);
    const whyItMatters = text("whyItMatters", false);
    const domain = choice("domain", DOMAINS);
    const unit = choice("unit", UNITS);
    const unitLabel = text("unitLabel", false);
    const polarity = choice("polarity", POLARITIES);
    const decimals = integer("decimals", 0, 4);
    const method = text("method", false);
    const caveats = text("caveats", false);
    const sortOrder = integer("sortOrder", 0, 1_000_000);
    if (
      slug === null ||
      title === null ||
      description === null ||
      domain === null ||
      unit === null ||
      polarity === null ||
      decimals === null ||
      sortOrder === null
    ) {
      continue;
    }
    definitions.push({
      slug,
      title,
      shortTitle: shortTitle ?? title,
      description,
      whyItMatters: whyItMatters ?? "",
      domain,
      unit,
      unitLabel: unitLabel ?? DEFAULT_UNIT_LABEL[unit],
      polarity,
      decimals: decimals ?? 1,
      method: method ?? `Imported from ${name}.`,
      caveats,
      sortOrder: sortOrder ?? null,
    });
  }
  return { definitions, mentioned };
}

export interface ResolvedIndicators {
  /** Every indicator rows may use: the database's, plus the metadata file's new ones. */
  units: Map<string, Unit>;
  /** Indicators to create or update, with their sort order settled. */
  definitions: (IndicatorDefinition & { sortOrder: number })[];
  /** Slugs the metadata file names but that were rejected (their problems are already logged). */
  rejected: Set<string>;
  /** Indicators an earlier import of this source created that the new metadata no longer defines. */
  stale: string[];
}

/**
 * Puts a metadata file's definitions beside the database's indicators. A definition may create a
 * new indicator or update one this same source created earlier; it may never redefine an
 * indicator from another source (the catalogue's, or another import's).
 */
export async function resolveIndicators(
  context: CheckContext,
  metadataFile: string | undefined,
): Promise<ResolvedIndicators | null> {
  const known = loadIndicators(context.db);
  const units = new Map<string, Unit>();
  for (const [slug, row] of known) units.set(slug, row.unit as Unit);
  const rejected = new Set<string>();
  const definitions: ResolvedIndicators["definitions"] = [];
  let defined = new Set<string>();
  if (metadataFile) {
    const metadata = await readIndicatorMetadata(metadataFile, context);
    if (!metadata) return null;
    const name = displayName(metadataFile);
    for (const slug of metadata.mentioned) rejected.add(slug);
    let nextSortOrder = Math.max(0, ...[...known.values()].map((row) => row.sortOrder)) + 1;
    for (const definition of metadata.definitions) {
      const existing = known.get(definition.slug);
      if (existing && (existing.sourceId !== context.sourceId || catalogueEntry(definition.slug))) {
        context.problems.add({
          file: name,
          where: `indicator "${definition.slug}"`,
          message:
            `The indicator "${definition.slug}" already exists (from the source "${existing.sourceId}"), so this file cannot redefine it. ` +
            "To add figures to it, leave it out of the metadata file; to start a new indicator, choose a new slug.",
        });
        continue;
      }
      rejected.delete(definition.slug);
      units.set(definition.slug, definition.unit);
      const sortOrder = definition.sortOrder ?? existing?.sortOrder ?? nextSortOrder++;
      definitions.push({ ...definition, sortOrder });
    }
    defined = new Set(definitions.map((d) => d.slug));
  }
  const stale: string[] = [];
  const usedElsewhere = context.db.prepare(
    "SELECT COUNT(*) AS n FROM Observation WHERE indicatorSlug = ? AND sourceId != ?",
  );
  for (const row of known.values()) {
    // A catalogue indicator this source took over from the demo (--replace-demo) is the product's, not
    // the import's: it is never removed, whatever the metadata file says.
    if (row.sourceId !== context.sourceId || defined.has(row.slug) || catalogueEntry(row.slug)) continue;
    const { n } = usedElsewhere.get(row.slug, context.sourceId) as { n: number };
    if (n > 0) {
      context.warnings.add({
        file: context.fileName,
        message: `The indicator "${row.slug}", created by an earlier import of this source, is no longer defined but other sources have ${n} figures for it, so it was kept.`,
      });
      units.set(row.slug, row.unit as Unit);
    } else {
      stale.push(row.slug);
      units.delete(row.slug);
    }
  }
  return { units, definitions, rejected, stale };
}

/** Creates or updates indicators (inside the import's transaction); returns how many. */
export function writeIndicatorDefinitions(
  db: Sqlite,
  definitions: ResolvedIndicators["definitions"],
  sourceId: string,
  synthetic: boolean,
): number {
  const upsert = db.prepare(
    `INSERT INTO Indicator (slug, title, shortTitle, description, whyItMatters, domain, unit, unitLabel, polarity, decimals, method, caveats, synthetic, sortOrder, sourceId)
     VALUES (@slug, @title, @shortTitle, @description, @whyItMatters, @domain, @unit, @unitLabel, @polarity, @decimals, @method, @caveats, @synthetic, @sortOrder, @sourceId)
     ON CONFLICT(slug) DO UPDATE SET title = excluded.title, shortTitle = excluded.shortTitle, description = excluded.description,
       whyItMatters = excluded.whyItMatters, domain = excluded.domain, unit = excluded.unit, unitLabel = excluded.unitLabel,
       polarity = excluded.polarity, decimals = excluded.decimals, method = excluded.method, caveats = excluded.caveats,
       synthetic = excluded.synthetic, sortOrder = excluded.sortOrder, sourceId = excluded.sourceId`,
  );
  for (const definition of definitions) upsert.run({ ...definition, synthetic: synthetic ? 1 : 0, sourceId });
  return definitions.length;
}

/** Removes indicators an earlier import of this source created and the new one no longer defines. */
export function deleteStaleIndicators(db: Sqlite, slugs: readonly string[], sourceId: string): number {
  const remove = db.prepare("DELETE FROM Indicator WHERE slug = ? AND sourceId = ?");
  let removed = 0;
  for (const slug of slugs) removed += remove.run(slug, sourceId).changes;
  return removed;
}

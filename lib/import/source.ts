// Which Source an import writes under. Each import owns one Source: its id comes from the kind
// and the file name (or --source-id), so importing a corrected file of the same name replaces
// the earlier rows, and nothing an import does can reach rows of another source.
import path from "node:path";
import { DEMO_SOURCES } from "@/lib/demo-data/sources";
import type { SourceState } from "@/lib/import/store";
import type { ImportKind, SourceDetails } from "@/lib/import/types";

const SOURCE_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** "Wellbeing Survey 2025 (final).csv" imported as indicators → "import-indicators-wellbeing-survey-2025-final". */
export function deriveSourceId(kind: ImportKind, file: string): string {
  const stem = path
    .basename(file, path.extname(file))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `import-${kind}-${stem || "file"}`;
}

/** Why this source id cannot be used for this import, or null if it can. */
export function sourceIdProblem(sourceId: string, kind: ImportKind, state: SourceState): string | null {
  if (!SOURCE_ID.test(sourceId)) {
    return `The source id "${sourceId}" should be lower-case letters, digits, dots, hyphens and underscores (at most 100).`;
  }
  if (DEMO_SOURCES.some((source) => source.id === sourceId)) {
    return `The source id "${sourceId}" belongs to the demo data, which imports never change. Choose another --source-id.`;
  }
  if (state.exists && state.batchCount === 0) {
    return `The source "${sourceId}" exists but was not created by an import, so an import may not replace its rows. Choose another --source-id.`;
  }
  if (state.latest && state.latest.kind !== kind) {
    return `The source "${sourceId}" holds ${state.latest.kind} imported from ${state.latest.fileName}; it cannot also hold ${kind}. Choose another --source-id.`;
  }
  return null;
}

const KIND_LABEL: Record<ImportKind, string> = {
  indicators: "Indicator figures",
  boundaries: "Area boundaries",
  assets: "Community assets",
  survey: "Survey results",
};

/** Provenance for the Source row: what the user gave, with plain defaults for the rest. */
export function sourceDetails(kind: ImportKind, fileName: string, given: SourceDetails = {}) {
  return {
    title: given.title ?? `${KIND_LABEL[kind]} imported from ${fileName}`,
    publisher: given.publisher ?? "Imported locally (publisher not stated)",
    licence: given.licence ?? "Not stated",
    attribution: given.attribution ?? "",
    url: given.url ?? null,
    vintage: given.vintage ?? null,
    notes: given.notes ?? null,
  };
}

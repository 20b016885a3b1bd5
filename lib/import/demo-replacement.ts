// A council's own figures in place of the demo's synthetic ones (`--replace-demo`). The demo holds
// generated figures for the survey and asset indicators; a council's real figures for the same
// indicator must not sit beside them in one series (a trend from made-up to real numbers means
// nothing), so an import of real figures for such an indicator is refused until it says
// --replace-demo. Then, in the import's own transaction, every synthetic demo figure of those
// indicators goes (all periods, areas and groups), the import's figures come in, and the import takes
// the indicator's definition over: it names the import's source and is no longer synthetic, so the
// "Synthetic" label leaves exactly those indicators in the UI, API, downloads and images. The seed
// leaves taken-over indicators alone (lib/demo-data/seed-demo.ts, indicatorsTakenOver).
import { DEMO_SOURCES } from "@/lib/demo-data/sources";
import type { Sqlite } from "@/lib/import/store";
import type { CheckContext } from "@/lib/import/types";

/** The demo's generated sources (the synthetic survey and asset register). */
export const DEMO_SYNTHETIC_SOURCE_IDS: readonly string[] = DEMO_SOURCES.filter((s) => s.synthetic).map((s) => s.id);

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** The demo's synthetic figures for one indicator. */
export interface DemoFigures {
  slug: string;
  rows: number;
  periods: string[];
}

export interface DemoReplacement {
  /** Synthetic demo figures the import removes, per indicator. */
  replaced: DemoFigures[];
  /** Indicators whose definition (still the demo's) the import takes over. */
  takenOver: string[];
  /** Whether the demo's illustrative asset register goes too (an asset import replacing the asset indicators). */
  replacesAssetRegister: boolean;
}

/** The synthetic demo figures held for each of these indicators (indicators with none are left out). */
export function demoFiguresFor(db: Sqlite, slugs: Iterable<string>): DemoFigures[] {
  const list = [...new Set(slugs)].sort();
  if (list.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT indicatorSlug AS slug, period, COUNT(*) AS n FROM Observation
       WHERE sourceId IN (${marks(DEMO_SYNTHETIC_SOURCE_IDS.length)}) AND indicatorSlug IN (${marks(list.length)})
       GROUP BY indicatorSlug, period ORDER BY indicatorSlug, period`,
    )
    .all(...DEMO_SYNTHETIC_SOURCE_IDS, ...list) as { slug: string; period: string; n: number }[];
  const bySlug = new Map<string, DemoFigures>();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { slug: row.slug, rows: 0, periods: [] };
    entry.rows += row.n;
    entry.periods.push(row.period);
    bySlug.set(row.slug, entry);
  }
  return [...bySlug.values()];
}

/**
 * Of these indicators, those whose definition still belongs to one of the demo's synthetic sources.
 * Definitions of published figures (Census, IoD) stay with their publisher when a council adds its own
 * figures: the demo's real figures keep them.
 */
export function demoDefinedIndicators(db: Sqlite, slugs: Iterable<string>): string[] {
  const list = [...new Set(slugs)].sort();
  if (list.length === 0) return [];
  return (
    db
      .prepare(
        `SELECT slug FROM Indicator WHERE slug IN (${marks(list.length)}) AND sourceId IN (${marks(DEMO_SYNTHETIC_SOURCE_IDS.length)}) ORDER BY slug`,
      )
      .all(...list, ...DEMO_SYNTHETIC_SOURCE_IDS) as { slug: string }[]
  ).map((row) => row.slug);
}

/** "2021 to 2025" or "2025". */
export function periodRange(periods: readonly string[]): string {
  const sorted = [...periods].sort();
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} to ${sorted.at(-1)}`;
}

/** Why real figures cannot go in beside the demo's synthetic ones without --replace-demo. */
export function needsReplaceDemoMessage(figures: DemoFigures): string {
  return (
    `The demo's synthetic figures for "${figures.slug}" (${figures.rows.toLocaleString("en-GB")} figures, ${periodRange(figures.periods)}) ` +
    "are still in the database, and real figures cannot join a series of made-up ones. " +
    "Add --replace-demo to remove them and import yours in their place (--dry-run shows what would go)."
  );
}

/**
 * What replacing the demo would do for an import feeding these indicators: the synthetic demo figures
 * that go, and the demo definitions taken over. `synthetic` imports (illustrative data) take nothing over.
 */
export function planDemoReplacement(
  db: Sqlite,
  slugs: Iterable<string>,
  options: { synthetic: boolean; replacesAssetRegister?: boolean },
): DemoReplacement {
  const list = [...slugs];
  return {
    replaced: demoFiguresFor(db, list),
    takenOver: options.synthetic ? [] : demoDefinedIndicators(db, list),
    replacesAssetRegister: options.replacesAssetRegister ?? false,
  };
}

/**
 * The replacement an import feeding these indicators makes, after its rows are checked: null (with a
 * problem per indicator) when real figures would join the demo's synthetic ones without --replace-demo.
 * A synthetic import replaces and takes over nothing (its clashes with the demo are reported row by row).
 */
export function checkDemoReplacement(
  context: CheckContext,
  slugs: Iterable<string>,
  options: { replacesAssetRegister?: boolean } = {},
): DemoReplacement | null {
  const { db, request, synthetic, problems, warnings, fileName } = context;
  if (synthetic) return { replaced: [], takenOver: [], replacesAssetRegister: false };
  const plan = planDemoReplacement(db, slugs, { synthetic, ...options });
  if (!request.replaceDemo) {
    for (const figures of plan.replaced) problems.add({ file: fileName, message: needsReplaceDemoMessage(figures) });
    return plan.replaced.length ? null : plan;
  }
  if (!plan.replaced.length && !plan.replacesAssetRegister) {
    warnings.add({
      file: fileName,
      message:
        "--replace-demo: the database holds no demo figures for the indicators in this file, so none were replaced.",
    });
  }
  return plan;
}

/** Lines for the import's summary (also what --dry-run prints). */
export function describeDemoReplacement(plan: DemoReplacement, registerSize = 0): string[] {
  const lines: string[] = [];
  if (plan.replaced.length) {
    const total = plan.replaced.reduce((sum, f) => sum + f.rows, 0);
    lines.push(`Replaces the demo's synthetic figures (${total.toLocaleString("en-GB")} in all):`);
    for (const figures of plan.replaced) {
      lines.push(
        `  ${figures.slug}: ${figures.rows.toLocaleString("en-GB")} figures, ${periodRange(figures.periods)}, removed`,
      );
    }
  }
  if (plan.replacesAssetRegister) {
    lines.push(`Replaces the demo's illustrative asset register (${registerSize.toLocaleString("en-GB")} assets).`);
  }
  if (plan.takenOver.length) {
    lines.push(
      `No longer labelled synthetic: ${plan.takenOver.join(", ")} (their figures and provenance are now this import's).`,
    );
  }
  return lines;
}

/** The demo's illustrative assets, counted (for messages). */
export function demoAssetCount(db: Sqlite): number {
  return (
    db
      .prepare(`SELECT COUNT(*) AS n FROM Asset WHERE sourceId IN (${marks(DEMO_SYNTHETIC_SOURCE_IDS.length)})`)
      .get(...DEMO_SYNTHETIC_SOURCE_IDS) as { n: number }
  ).n;
}

/**
 * Carries the plan out inside the import's write transaction: removes the demo's synthetic figures
 * (and register), and points each taken-over definition at the import's source, no longer synthetic
 * and without the demo's caveat. `method` replaces a definition's method where the import computed
 * the figures differently (a survey's own suppression threshold). Returns the rows removed.
 */
export function applyDemoReplacement(
  db: Sqlite,
  plan: DemoReplacement,
  sourceId: string,
  method?: (slug: string) => string | undefined,
): number {
  let removed = 0;
  const removeFigures = db.prepare(
    `DELETE FROM Observation WHERE indicatorSlug = ? AND sourceId IN (${marks(DEMO_SYNTHETIC_SOURCE_IDS.length)})`,
  );
  for (const figures of plan.replaced) removed += removeFigures.run(figures.slug, ...DEMO_SYNTHETIC_SOURCE_IDS).changes;
  if (plan.replacesAssetRegister) {
    removed += db
      .prepare(`DELETE FROM Asset WHERE sourceId IN (${marks(DEMO_SYNTHETIC_SOURCE_IDS.length)})`)
      .run(...DEMO_SYNTHETIC_SOURCE_IDS).changes;
  }
  const takeOver = db.prepare(
    "UPDATE Indicator SET sourceId = ?, synthetic = 0, caveats = NULL, method = COALESCE(?, method) WHERE slug = ?",
  );
  for (const slug of plan.takenOver) takeOver.run(sourceId, method?.(slug) ?? null, slug);
  return removed;
}

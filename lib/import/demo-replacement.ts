// Keeping every indicator's series either real or synthetic, never both, and a council's own figures in
// place of the demo's synthetic ones (`--replace-demo`). Pages label an indicator as a whole (its
// definition's `synthetic` flag); the API, CSV and images label each row. So real and synthetic figures
// must not share an indicator: a trend from made-up to real numbers means nothing, and one of the two
// labels would be wrong. An import whose figures would mix with another source's of the other kind is
// refused. For the demo's synthetic figures a real import may instead say --replace-demo: then, in the
// import's own transaction, every synthetic demo figure of those indicators goes (all periods, areas and
// groups), the import's figures come in, and the import takes the indicator's definition over (it names
// the import's source, without the demo's caveat). After every import the definitions' flag is set from
// the figures themselves (syncIndicatorSyntheticFlags, from lib/import/run-import.ts). The seed leaves taken-over indicators alone
// (lib/demo-data/seed-demo.ts, indicatorsTakenOver).
import { ASSET_INDICATOR_SLUGS } from "@/lib/assets/asset-indicators";
import { DEMO_SOURCES } from "@/lib/demo-data/sources";
import { placeholders, type Sqlite } from "@/lib/import/store";
import type { CheckContext } from "@/lib/import/types";

/** The demo's generated sources (the synthetic survey and asset register). */
export const DEMO_SYNTHETIC_SOURCE_IDS: readonly string[] = DEMO_SOURCES.filter((s) => s.synthetic).map((s) => s.id);
const DEMO_MARKS = placeholders(DEMO_SYNTHETIC_SOURCE_IDS.length);

/** The demo's synthetic figures for one indicator. */
interface DemoFigures {
  slug: string;
  rows: number;
  periods: string[];
}

export interface DemoReplacement {
  /** Synthetic demo figures the import removes, per indicator. */
  replaced: DemoFigures[];
  /** Indicators whose definition (still the demo's) the import takes over. */
  takenOver: string[];
  /** Assets of the demo's illustrative register the import removes (0: the register stays). */
  assetRegister: number;
}

const NOTHING_REPLACED: DemoReplacement = { replaced: [], takenOver: [], assetRegister: 0 };

/** The synthetic demo figures held for each of these indicators (indicators with none are left out). */
function demoFiguresFor(db: Sqlite, slugs: readonly string[]): DemoFigures[] {
  if (slugs.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT indicatorSlug AS slug, period, COUNT(*) AS n FROM Observation
       WHERE sourceId IN (${DEMO_MARKS}) AND indicatorSlug IN (${placeholders(slugs.length)})
       GROUP BY indicatorSlug, period ORDER BY indicatorSlug, period`,
    )
    .all(...DEMO_SYNTHETIC_SOURCE_IDS, ...slugs) as { slug: string; period: string; n: number }[];
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
function demoDefinedIndicators(db: Sqlite, slugs: readonly string[]): string[] {
  if (slugs.length === 0) return [];
  return (
    db
      .prepare(
        `SELECT slug FROM Indicator WHERE slug IN (${placeholders(slugs.length)}) AND sourceId IN (${DEMO_MARKS}) ORDER BY slug`,
      )
      .all(...slugs, ...DEMO_SYNTHETIC_SOURCE_IDS) as { slug: string }[]
  ).map((row) => row.slug);
}

/** The demo's illustrative assets, counted. */
export function demoAssetCount(db: Sqlite): number {
  return (
    db
      .prepare(`SELECT COUNT(*) AS n FROM Asset WHERE sourceId IN (${DEMO_MARKS})`)
      .get(...DEMO_SYNTHETIC_SOURCE_IDS) as {
      n: number;
    }
  ).n;
}

/** "2021 to 2025" or "2025". */
function periodRange(periods: readonly string[]): string {
  const sorted = [...periods].sort();
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} to ${sorted.at(-1)}`;
}

const kind = (synthetic: boolean) => (synthetic ? "synthetic" : "real");

/**
 * Reports each indicator for which another source holds figures of the other kind (real against
 * synthetic): they cannot share one indicator. The demo's synthetic figures are left to the
 * --replace-demo check when the import is real.
 */
function reportMixedSeries(context: CheckContext, slugs: readonly string[]): void {
  if (slugs.length === 0) return;
  const { db, sourceId, synthetic, problems, fileName } = context;
  const ignored = synthetic ? [] : DEMO_SYNTHETIC_SOURCE_IDS;
  const others = db
    .prepare(
      `SELECT indicatorSlug AS slug, sourceId, COUNT(*) AS n FROM Observation
       WHERE indicatorSlug IN (${placeholders(slugs.length)}) AND synthetic = ? AND sourceId NOT IN (${placeholders(ignored.length + 1)})
       GROUP BY indicatorSlug, sourceId ORDER BY indicatorSlug, sourceId`,
    )
    .all(...slugs, synthetic ? 0 : 1, sourceId, ...ignored) as { slug: string; sourceId: string; n: number }[];
  for (const other of others) {
    problems.add({
      file: fileName,
      message:
        `"${other.slug}" already has ${other.n.toLocaleString("en-GB")} ${kind(!synthetic)} figures from the source "${other.sourceId}", ` +
        `and this file's are ${kind(synthetic)}: the two cannot share one indicator, whose pages label it as a whole. ` +
        "Import these under an indicator of their own (--metadata), or replace that source's figures first.",
    });
  }
}

/** Why real figures cannot go in beside the demo's synthetic ones without --replace-demo. */
function needsReplaceDemoMessage(figures: DemoFigures): string {
  return (
    `The demo's synthetic figures for "${figures.slug}" (${figures.rows.toLocaleString("en-GB")} figures, ${periodRange(figures.periods)}) ` +
    "are still in the database, and real figures cannot join a series of made-up ones. " +
    "Add --replace-demo to remove them and import yours in their place (--dry-run shows what would go)."
  );
}

/**
 * What an import feeding these indicators does to the demo, after its rows are checked: null (with a
 * problem for each) when its figures would share an indicator with figures of the other kind, real or
 * synthetic, or join the demo's synthetic ones without --replace-demo. A synthetic import replaces and
 * takes over nothing. The demo's illustrative register goes with the asset indicators' demo figures
 * (an asset import decides for itself, with `replacesAssetRegister`).
 */
export function checkDemoReplacement(
  context: CheckContext,
  slugs: Iterable<string>,
  options: { replacesAssetRegister?: boolean } = {},
): DemoReplacement | null {
  const { db, request, synthetic, problems, warnings, fileName } = context;
  const list = [...new Set(slugs)].sort();
  const before = problems.total;
  reportMixedSeries(context, list);
  if (synthetic) return problems.total > before ? null : NOTHING_REPLACED;

  const replaced = demoFiguresFor(db, list);
  if (!request.replaceDemo) {
    for (const figures of replaced) problems.add({ file: fileName, message: needsReplaceDemoMessage(figures) });
    return problems.total > before ? null : { ...NOTHING_REPLACED, takenOver: demoDefinedIndicators(db, list) };
  }
  const assetFiguresReplaced = replaced.some((f) => (ASSET_INDICATOR_SLUGS as readonly string[]).includes(f.slug));
  const plan: DemoReplacement = {
    replaced,
    takenOver: demoDefinedIndicators(db, list),
    assetRegister: (options.replacesAssetRegister ?? assetFiguresReplaced) ? demoAssetCount(db) : 0,
  };
  if (!plan.replaced.length && !plan.assetRegister) {
    warnings.add({
      file: fileName,
      message:
        "--replace-demo: the database holds no demo figures for the indicators in this file, so none were replaced.",
    });
  }
  return problems.total > before ? null : plan;
}

/** Lines for the import's summary (also what --dry-run prints). */
export function describeDemoReplacement(plan: DemoReplacement): string[] {
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
  if (plan.assetRegister) {
    lines.push(
      `Replaces the demo's illustrative asset register (${plan.assetRegister.toLocaleString("en-GB")} assets).`,
    );
  }
  if (plan.takenOver.length) {
    lines.push(
      `No longer labelled synthetic: ${plan.takenOver.join(", ")} (their figures and provenance are now this import's).`,
    );
  }
  return lines;
}

/**
 * Carries the plan out inside the import's write transaction: removes the demo's synthetic figures
 * (and register), and points each taken-over definition at the import's source, without the demo's
 * caveat (only while the demo still holds it: two imports racing cannot take it from each other).
 */
export function applyDemoReplacement(db: Sqlite, plan: DemoReplacement, sourceId: string): void {
  const removeFigures = db.prepare(`DELETE FROM Observation WHERE indicatorSlug = ? AND sourceId IN (${DEMO_MARKS})`);
  for (const figures of plan.replaced) removeFigures.run(figures.slug, ...DEMO_SYNTHETIC_SOURCE_IDS);
  if (plan.assetRegister) {
    db.prepare(`DELETE FROM Asset WHERE sourceId IN (${DEMO_MARKS})`).run(...DEMO_SYNTHETIC_SOURCE_IDS);
  }
  const takeOver = db.prepare(
    `UPDATE Indicator SET sourceId = ?, caveats = NULL WHERE slug = ? AND sourceId IN (${DEMO_MARKS})`,
  );
  for (const slug of plan.takenOver) takeOver.run(sourceId, slug, ...DEMO_SYNTHETIC_SOURCE_IDS);
}

/** The indicators a source holds figures for. */
export function indicatorsOfSource(db: Sqlite, sourceId: string): string[] {
  return (
    db.prepare("SELECT DISTINCT indicatorSlug FROM Observation WHERE sourceId = ?").all(sourceId) as {
      indicatorSlug: string;
    }[]
  ).map((row) => row.indicatorSlug);
}

/**
 * Sets each indicator's `synthetic` flag from its figures, once they are written: synthetic while any of
 * its figures is (an indicator without figures keeps its definition's flag). Pages label by this flag.
 */
export function syncIndicatorSyntheticFlags(db: Sqlite, slugs: Iterable<string>): void {
  const list = [...new Set(slugs)];
  if (list.length === 0) return;
  db.prepare(
    `UPDATE Indicator SET synthetic = EXISTS (SELECT 1 FROM Observation o WHERE o.indicatorSlug = Indicator.slug AND o.synthetic = 1)
     WHERE slug IN (${placeholders(list.length)}) AND EXISTS (SELECT 1 FROM Observation o WHERE o.indicatorSlug = Indicator.slug)`,
  ).run(...list);
}

// `npm run import -- survey <responses.csv> --mapping <mapping.json>`: raw survey responses (one
// row per respondent: area_code, period, weight, group columns, one column per question) turned
// into figures per area × period × group, plus a total for each area's parent (the local
// authority) pooled from all its respondents. Shares get a Wilson interval on Kish's effective
// sample size, scores a t interval; cells with fewer than --min-base respondents are suppressed
// and keep no numbers at all (lib/stats/survey-aggregation.ts, which the demo's synthetic survey
// goes through too).
import { quickNumber, readPeriod } from "@/lib/import/cells";
import { cellOf, eachRow, openCsvTable } from "@/lib/import/csv-reader";
import { deleteStaleIndicators, resolveIndicators, writeIndicatorDefinitions } from "@/lib/import/indicator-metadata";
import { otherSourceLookup } from "@/lib/import/indicators";
import {
  applyDemoReplacement,
  checkDemoReplacement,
  DEMO_SYNTHETIC_SOURCE_IDS,
  describeDemoReplacement,
} from "@/lib/import/demo-replacement";
import { insertObservations } from "@/lib/import/observations";
import { catalogueEntry, surveyShareMethod } from "@/lib/indicators/catalogue";
import { displayName } from "@/lib/import/read-text";
import { loadAreas } from "@/lib/import/store";
import { readSurveyMapping, type Question } from "@/lib/import/survey-mapping";
import type { CheckContext, CheckedFile, KindImporter } from "@/lib/import/types";
import { aggregateSurvey, DEFAULT_MIN_BASE, type Respondent, type SurveyPlan } from "@/lib/stats/survey-aggregation";

function describeAnswers(question: Question & { kind: "proportion" }, missing: ReadonlySet<string>): string {
  const list = (set: ReadonlySet<string>) => [...set].filter((a) => a !== "").join(", ") || "(none)";
  return `yes: ${list(question.yes)}; no: ${list(question.no)}; no answer: ${list(missing)} or empty`;
}

export const surveyImporter: KindImporter = {
  extraFiles: (request) => ({ mapping: request.mappingFile, metadata: request.metadataFile }),
  settings: (request) => ({ minBase: request.minBase ?? DEFAULT_MIN_BASE }),

  async check(context: CheckContext): Promise<CheckedFile | null> {
    const { request, problems, warnings, db, sourceId, synthetic, progress } = context;
    const minBase = request.minBase ?? DEFAULT_MIN_BASE;
    if (!request.mappingFile) {
      problems.add({ file: context.fileName, message: "A survey import needs a mapping file (--mapping)." });
      return null;
    }
    const mappingName = displayName(request.mappingFile);
    const mapping = await readSurveyMapping(request.mappingFile, context);
    const resolved = await resolveIndicators(context, request.metadataFile);
    if (!mapping || !resolved) return null;

    const questions: SurveyPlan["questions"] = [];
    for (const question of mapping.questions) {
      const unit = resolved.units.get(question.indicator);
      const where = `question "${question.column}"`;
      if (!unit) {
        if (!resolved.rejected.has(question.indicator)) {
          problems.add({
            file: mappingName,
            where,
            column: "indicator",
            message: `Unknown indicator "${question.indicator}": it is not in the database. Describe new indicators in a metadata file given with --metadata.`,
          });
        }
      } else if ((question.kind === "mean") !== (unit === "score")) {
        problems.add({
          file: mappingName,
          where,
          message:
            question.kind === "mean"
              ? `"${question.indicator}" is measured as a ${unit}, so answers cannot be averaged into it; count "yes" answers instead.`
              : `"${question.indicator}" is a score, so it needs "mean": true rather than yes answers.`,
        });
      } else {
        questions.push({ indicator: question.indicator, kind: question.kind, unit });
      }
    }
    const seenIndicators = new Map<string, string>();
    for (const question of mapping.questions) {
      const earlier = seenIndicators.get(question.indicator);
      if (earlier) {
        problems.add({
          file: mappingName,
          where: `question "${question.column}"`,
          message: `The indicator "${question.indicator}" is already fed by question "${earlier}"; each indicator takes one question.`,
        });
      }
      seenIndicators.set(question.indicator, question.column);
    }

    const table = await openCsvTable(
      request.file,
      { required: ["area_code", "period"], optional: ["weight"], extraAllowed: true },
      context,
    );
    if (!table) return null;
    // Respondent identifiers are expected and need no warning; they are never stored.
    const used = new Set(["area_code", "period", "weight", "id", "respondent", "respondent_id", "serial"]);
    for (const column of [...mapping.questions.map((q) => q.column), ...mapping.groups.map((g) => g.column)]) {
      used.add(column);
      if (!table.columns.has(column)) {
        problems.add({
          file: table.file,
          line: 1,
          column,
          message: `The mapping names a column "${column}" that the responses file does not have.`,
        });
      }
    }
    for (const column of table.columns.keys()) {
      if (!used.has(column)) {
        warnings.add({
          file: table.file,
          line: 1,
          column,
          message: "This column is not in the mapping and was ignored.",
        });
      }
    }
    if (!table.columns.has("weight")) {
      warnings.add({ file: table.file, message: 'There is no "weight" column, so every respondent counts equally.' });
    }
    if (!problems.isEmpty) return null;

    const areas = loadAreas(db);
    const parentOf = new Map<string, string | null>();
    const respondents: Respondent[] = [];
    const periods = new Set<string>();
    const groupOrder: string[] = [];
    let read = 0;
    for await (const row of eachRow(table)) {
      read++;
      const text = (column: string) => cellOf(row, table.columns, column);
      const report = (column: string | undefined, message: string) =>
        problems.add({ file: table.file, line: row.line, column, message });
      let ok = true;
      const areaCode = text("area_code");
      const area = areas.get(areaCode);
      if (!area) {
        report(
          "area_code",
          areaCode === ""
            ? "The area code is empty."
            : `Unknown area code "${areaCode}": there is no such area in the database.`,
        );
        ok = false;
      } else {
        parentOf.set(areaCode, area.parentCode);
      }
      const period = readPeriod(text("period"));
      if (!period.ok) {
        report("period", period.reason);
        ok = false;
      } else periods.add(period.value);
      let weight = 1;
      if (table.columns.has("weight")) {
        const value = quickNumber(text("weight"));
        if (typeof value !== "number" || value <= 0) {
          report("weight", `The weight "${text("weight")}" should be a number above 0.`);
          ok = false;
        } else weight = value;
      }
      const groups: string[] = [];
      for (const { column, dimension } of mapping.groups) {
        const value = text(column);
        if (value === "") continue;
        const label = `${dimension}:${value}`;
        if (!groupOrder.includes(label)) groupOrder.push(label);
        groups.push(label);
      }
      const answers: number[] = [];
      for (const question of mapping.questions) {
        const raw = text(question.column);
        const answer = raw.toLowerCase();
        if (mapping.missing.has(answer)) {
          answers.push(Number.NaN);
        } else if (question.kind === "proportion") {
          if (question.yes.has(answer)) answers.push(1);
          else if (question.no.size === 0 || question.no.has(answer)) answers.push(0);
          else {
            report(
              question.column,
              `The answer "${raw}" is not listed in the mapping (${describeAnswers(question, mapping.missing)}). Add it to the mapping's "yes", "no" or "missing" list.`,
            );
            ok = false;
          }
        } else {
          const value = quickNumber(raw);
          if (typeof value !== "number") {
            report(
              question.column,
              `The answer "${raw}" is not a number, but this question is averaged as a score. Add it to the mapping's "missing" list if it means no answer.`,
            );
            ok = false;
          } else if (
            (question.min !== null && value < question.min) ||
            (question.max !== null && value > question.max)
          ) {
            report(
              question.column,
              `The score ${value} is outside the range ${question.min ?? "-∞"} to ${question.max ?? "∞"} given in the mapping.`,
            );
            ok = false;
          } else answers.push(value);
        }
      }
      if (ok && period.ok) respondents.push({ areaCode, period: period.value, weight, groups, answers });
      progress.update(`Checking ${table.file}`, { read, validated: respondents.length });
    }
    if (!problems.isEmpty || questions.length !== mapping.questions.length) return null;

    const withoutParent = [...parentOf].filter(([, parent]) => parent === null).map(([code]) => code);
    if (withoutParent.length > 0) {
      warnings.add({
        file: table.file,
        message: `No total can be made above ${withoutParent.slice(0, 5).join(", ")}${withoutParent.length > 5 ? ", …" : ""}: the database gives them no parent area.`,
      });
    }
    // Group labels in the order of the mapping's group columns, then as first met.
    const dimensionOrder = mapping.groups.map((g) => g.dimension);
    groupOrder.sort(
      (a, b) =>
        dimensionOrder.indexOf(a.split(":")[0]!) - dimensionOrder.indexOf(b.split(":")[0]!) ||
        a.localeCompare(b, "en", { numeric: true }),
    );
    const rows = aggregateSurvey(respondents, { questions, parentOf, groupOrder, minBase, sourceId, synthetic });

    // Figures from other sources for the same cells are never overwritten: one message per indicator and period.
    const lookup = otherSourceLookup(db, sourceId, synthetic ? [] : DEMO_SYNTHETIC_SOURCE_IDS);
    const conflicts = new Map<string, { slug: string; period: string; source: string; count: number }>();
    for (const row of rows) {
      const other = lookup(row);
      if (!other) continue;
      const key = `${row.indicatorSlug}|${row.period}|${other.sourceId}`;
      const entry = conflicts.get(key) ?? {
        slug: row.indicatorSlug,
        period: row.period,
        source: other.sourceId,
        count: 0,
      };
      entry.count++;
      conflicts.set(key, entry);
    }
    for (const { slug, period, source, count } of conflicts.values()) {
      problems.add({
        file: table.file,
        message:
          `The database already has ${count} figure(s) for "${slug}" in ${period} from the source "${source}", for the same areas and groups; ` +
          "figures from other sources are never overwritten. Use a different indicator (define one with --metadata) or remove the other source's figures first.",
      });
    }
    if (!problems.isEmpty) return null;
    const replacement = checkDemoReplacement(
      context,
      questions.map((q) => q.indicator),
    );
    if (!replacement) return null;
    // A catalogue share this survey feeds keeps the catalogue's method, with this survey's suppression threshold.
    const shareSlugs = questions
      .map((q) => q.indicator)
      .filter((slug) => catalogueEntry(slug)?.method === surveyShareMethod(DEFAULT_MIN_BASE));

    const suppressed = rows.filter((row) => row.suppressed).length;
    const totals = new Set([...parentOf.values()].filter((p): p is string => p !== null));
    const sortedPeriods = [...periods].sort();
    return {
      rowsRead: read,
      summary: [
        `${respondents.length.toLocaleString("en-GB")} respondents in ${parentOf.size} area(s), ${sortedPeriods.length === 1 ? `period ${sortedPeriods[0]}` : `periods ${sortedPeriods[0]} to ${sortedPeriods.at(-1)}`}.`,
        `${rows.length.toLocaleString("en-GB")} figures for ${questions.length} indicator(s) (${questions.map((q) => q.indicator).join(", ")}), ` +
          `${suppressed.toLocaleString("en-GB")} of them suppressed (fewer than ${minBase} respondents answered)` +
          `${totals.size ? `; totals for ${[...totals].join(", ")}` : ""}.`,
        ...(resolved.definitions.length
          ? [`Indicators defined by the metadata file: ${resolved.definitions.map((d) => d.slug).join(", ")}.`]
          : []),
        ...describeDemoReplacement(replacement),
      ],
      async write({ db: rw, sourceId: id, synthetic: isSynthetic }) {
        let written = writeIndicatorDefinitions(rw, resolved.definitions, id, isSynthetic);
        const replaced = rw.prepare("DELETE FROM Observation WHERE sourceId = ?").run(id).changes;
        deleteStaleIndicators(rw, resolved.stale, id);
        applyDemoReplacement(rw, replacement, id);
        written += await insertObservations(rw, [rows]);
        // Every import, not only the one that took the definition over: a re-import may change --min-base.
        const setMethod = rw.prepare("UPDATE Indicator SET method = ? WHERE slug = ? AND sourceId = ?");
        for (const slug of shareSlugs) setMethod.run(surveyShareMethod(minBase), slug, id);
        return { rowsWritten: written, rowsReplaced: replaced };
      },
    };
  },
};

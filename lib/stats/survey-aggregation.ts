// Survey microdata to published figures: weighted shares with a Wilson interval on Kish's effective
// sample size, weighted means with a t interval, and suppression of cells with too few respondents
// (no numbers at all, sample size included). One method for both the survey importer
// (lib/import/survey.ts, real microdata) and the demo's synthetic survey (lib/demo-data/synthetic-survey.ts).
import type { Observation, Unit } from "@/lib/domain/types";
import { ALL_GROUP } from "@/lib/domain/types";
import { weightedMean, weightedProportion } from "@/lib/stats/intervals";

/** Cells answered by fewer respondents than this are suppressed, unless the caller sets another base. */
export const DEFAULT_MIN_BASE = 10;

/** One respondent, as the aggregation needs them. */
export interface Respondent {
  areaCode: string;
  period: string;
  weight: number;
  /** Group labels such as "age:16-34", one per group column the respondent has a value in. */
  groups: string[];
  /** One per question, in the plan's order: 1/0 for yes/no, the score for a mean, NaN for no answer. */
  answers: number[];
}

export interface SurveyPlan {
  /** In the order of Respondent.answers. */
  questions: { indicator: string; kind: "proportion" | "mean"; unit: Unit }[];
  /** The area whose total each area's respondents also count towards (the local authority), if any. */
  parentOf: ReadonlyMap<string, string | null>;
  /** Group labels in the order rows are written (after "all"); other labels seen are appended. */
  groupOrder?: readonly string[];
  minBase: number;
  sourceId: string;
  synthetic: boolean;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * One row per question × area (and parent) × period × group present in the data. A group seen
 * anywhere in the survey gets a row in every area and period (suppressed where too few answered),
 * so a missing row never hides a small count.
 */
export function aggregateSurvey(respondents: readonly Respondent[], plan: SurveyPlan): Observation[] {
  const members = new Map<string, number[]>();
  const areaPeriods = new Map<string, [area: string, period: string]>();
  const labels = new Set<string>();
  respondents.forEach((respondent, index) => {
    const parent = plan.parentOf.get(respondent.areaCode) ?? null;
    const targets = parent ? [respondent.areaCode, parent] : [respondent.areaCode];
    for (const group of respondent.groups) labels.add(group);
    for (const area of targets) {
      areaPeriods.set(`${area}|${respondent.period}`, [area, respondent.period]);
      for (const group of [ALL_GROUP, ...respondent.groups]) {
        const key = `${area}|${respondent.period}|${group}`;
        const list = members.get(key);
        if (list) list.push(index);
        else members.set(key, [index]);
      }
    }
  });
  const order = plan.groupOrder ?? [];
  const groups = [
    ALL_GROUP,
    ...order.filter((g) => labels.has(g)),
    ...[...labels].filter((g) => !order.includes(g)).sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
  ];
  const cells = [...areaPeriods.values()].sort(([a1, p1], [a2, p2]) => a1.localeCompare(a2) || p1.localeCompare(p2));

  const rows: Observation[] = [];
  plan.questions.forEach((question, q) => {
    for (const [areaCode, period] of cells) {
      for (const group of groups) {
        const answered = (members.get(`${areaCode}|${period}|${group}`) ?? []).filter(
          (i) => !Number.isNaN(respondents[i]!.answers[q]),
        );
        const base = {
          indicatorSlug: question.indicator,
          areaCode,
          period,
          group,
          synthetic: plan.synthetic,
          sourceId: plan.sourceId,
        };
        const tooFew = answered.length < Math.max(1, plan.minBase) || (question.kind === "mean" && answered.length < 2);
        if (tooFew) {
          // Nothing is kept, sample size included: beside the other groups it could reveal a small count.
          rows.push({
            ...base,
            value: null,
            lowerCi: null,
            upperCi: null,
            numerator: null,
            denominator: null,
            sampleSize: null,
            suppressed: true,
          });
          continue;
        }
        const weights = answered.map((i) => respondents[i]!.weight);
        const values = answered.map((i) => respondents[i]!.answers[q]!);
        if (question.kind === "mean") {
          const estimate = weightedMean(values, weights);
          rows.push({
            ...base,
            value: round2(estimate.mean),
            lowerCi: round2(estimate.interval.lower),
            upperCi: round2(estimate.interval.upper),
            numerator: null,
            denominator: round2(estimate.weightTotal),
            sampleSize: answered.length,
            suppressed: false,
          });
        } else {
          const scale = question.unit === "per1000" ? 1000 : 100;
          const estimate = weightedProportion(
            values.map((v) => v === 1),
            weights,
          );
          rows.push({
            ...base,
            value: round2(estimate.proportion * scale),
            lowerCi: round2(estimate.interval.lower * scale),
            upperCi: round2(estimate.interval.upper * scale),
            numerator: round2(estimate.weightedSuccesses),
            denominator: round2(estimate.weightTotal),
            sampleSize: answered.length,
            suppressed: false,
          });
        }
      }
    }
  });
  return rows;
}

// The illustrative synthetic Civic Pulse survey (see docs/methodology.md, "Synthetic survey data").
// No public survey measures these indicators ward by ward, so the demo simulates one: individual
// respondents with an age band, a survey weight and an answer to every question, whose chances
// depend on the ward's real deprivation. The respondents are then aggregated exactly as an importer
// of a real survey would (weighted shares, Kish effective n, Wilson and t intervals, suppression).
// Everything is deterministic: the same input and seed always give identical rows.
import type { Indicator, Observation } from "@/lib/domain/types";
import { INDICATOR_CATALOGUE } from "@/lib/indicators/catalogue";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import { createRandom } from "@/lib/stats/random";
import { aggregateSurvey, DEFAULT_MIN_BASE } from "@/lib/stats/survey-aggregation";

export const DEFAULT_SURVEY_SEED = "civic-pulse-survey-v1";
export const DEFAULT_SURVEY_PERIODS: readonly string[] = ["2021", "2022", "2023", "2024", "2025"];

export const AGE_BANDS = ["16-34", "35-64", "65+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface SurveyWardInput {
  code: string;
  population: number;
  imdScore: number;
}

export interface SyntheticSurveyInput {
  wards: SurveyWardInput[];
  laCode: string;
  periods?: string[];
  seed?: string;
}

/** One simulated respondent: what a row of real survey microdata would hold. */
export interface SurveyRespondent {
  areaCode: string;
  period: string;
  ageBand: AgeBand;
  /** Final survey weight (non-response adjustment × calibration to ward population). */
  weight: number;
  /** Indicator slug → yes/no for share questions, or the score for score questions. */
  answers: Record<string, boolean | number>;
}

// ---------------------------------------------------------------------------------------------
// The model. Effects are on the logit scale for yes/no questions, in score points for scores.
// ---------------------------------------------------------------------------------------------

type AgeEffects = Record<AgeBand, number>;

interface SharedModel {
  /** Change per standard deviation of ward IMD score (more deprived → positive z). */
  imdSlope: number;
  ageEffects: AgeEffects;
  /** Change per survey period (year), centred on the middle period. */
  trendPerPeriod: number;
  /** Loading on the ward's persistent "civic culture" factor, shared by all questions. */
  civicLoading: number;
  /** SD of the ward's own persistent effect for this question. */
  wardSd: number;
}

interface ProportionModel extends SharedModel {
  kind: "proportion";
  /** Probability of "yes" at average deprivation, in the middle period, before age effects. */
  level: number;
}

interface ScoreModel extends SharedModel {
  kind: "score";
  mean: number;
  /** Respondent-level SD of the score. */
  sd: number;
  min: number;
  max: number;
}

type QuestionModel = ProportionModel | ScoreModel;

const AGE_NEUTRAL: AgeEffects = { "16-34": 0, "35-64": 0, "65+": 0 };

/**
 * Parameters per survey indicator, chosen so that ward figures land in Community Life Survey-like
 * ranges for England (levels in the comments). The list of indicators itself comes from the
 * catalogue; a survey indicator without parameters here is an error, not silently skipped.
 */
export const SURVEY_MODELS: Readonly<Record<string, QuestionModel>> = {
  // ~16–27 %; older people volunteer formally most; declining nationally since 2013.
  "formal-volunteering": proportion(0.21, -0.3, { "16-34": -0.15, "35-64": -0.05, "65+": 0.3 }, -0.03),
  // ~25–40 %; falling slowly.
  "informal-help": proportion(0.31, -0.18, { "16-34": 0.05, "35-64": 0, "65+": -0.05 }, -0.02),
  // ~55–80 %; strongly tied to deprivation and age; recovering slightly.
  "neighbours-help": proportion(0.68, -0.3, { "16-34": -0.3, "35-64": 0, "65+": 0.35 }, 0.02),
  // ~30–55 %; the question most tied to deprivation; flat.
  "trust-neighbours": proportion(0.41, -0.35, { "16-34": -0.35, "35-64": 0, "65+": 0.4 }, 0),
  // ~20–40 %; flat.
  "civic-action": proportion(0.29, -0.2, { "16-34": -0.1, "35-64": 0.05, "65+": 0.05 }, 0),
  // ~15–35 %; falling.
  "can-influence": proportion(0.24, -0.15, { "16-34": 0.05, "35-64": -0.05, "65+": 0 }, -0.03),
  // ~50–75 %; older residents belong more strongly; flat.
  belonging: proportion(0.62, -0.25, { "16-34": -0.4, "35-64": 0, "65+": 0.45 }, 0),
  // ~5–11 %; higher with deprivation (positive slope) and among young adults; rising.
  "chronic-loneliness": proportion(0.072, 0.25, { "16-34": 0.35, "35-64": -0.1, "65+": -0.1 }, 0.03, -0.06),
  // ~10–25 %; young adults most; rising fast.
  "hyperlocal-online": proportion(0.16, -0.12, { "16-34": 0.2, "35-64": 0.1, "65+": -0.45 }, 0.08),
  // ~60–80 %; flat.
  "acts-of-kindness": proportion(0.7, -0.12, { "16-34": -0.1, "35-64": 0, "65+": 0.15 }, 0),
  // ~15–30 %; flat.
  "confidence-to-act": proportion(0.21, -0.18, { "16-34": 0, "35-64": 0.05, "65+": -0.1 }, 0),
  // ~5–40 per 1,000; rare, so many wards record none; growing.
  "time-banking": proportion(0.015, -0.2, { "16-34": -0.1, "35-64": 0, "65+": 0.2 }, 0.06),
  // SWEMWBS 7–35, ward means ~23–26; lowest among young adults; edging up after 2021.
  "wellbeing-resilience": {
    kind: "score",
    mean: 24.6,
    sd: 4.6,
    min: 7,
    max: 35,
    imdSlope: -0.6,
    ageEffects: { "16-34": -0.7, "35-64": -0.2, "65+": 0.8 },
    trendPerPeriod: 0.1,
    civicLoading: 0.15,
    wardSd: 0.3,
  },
};

function proportion(
  level: number,
  imdSlope: number,
  ageEffects: AgeEffects,
  trendPerPeriod: number,
  civicLoading = 0.08,
): ProportionModel {
  return { kind: "proportion", level, imdSlope, ageEffects, trendPerPeriod, civicLoading, wardSd: 0.08 };
}

/** Who answers: older people respond more readily, as in most household surveys. */
const SAMPLE_AGE_SHARES: AgeEffects = { "16-34": 0.24, "35-64": 0.47, "65+": 0.29 };
/** Non-response adjustment: under-represented young adults weigh more, over-represented 65+ less. */
const AGE_BASE_WEIGHT: AgeEffects = { "16-34": 1.3, "35-64": 1, "65+": 0.75 };
const SMALL_SAMPLE_CHANCE = 1 / 15;
/** Log-scale spread of weights around the age-band value: a design effect of about 1.15 per ward. */
const WEIGHT_NOISE_SD = 0.4;
const MIN_WEIGHT = 0.5;
const MAX_WEIGHT = 2;
/** Trim for the calibration factor that scales each ward's weights to its population share. */
const CALIBRATION_TRIM: readonly [number, number] = [0.5, 2];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** The survey indicators of the catalogue, in catalogue order. */
export function surveyIndicators(): Indicator[] {
  return INDICATOR_CATALOGUE.filter((indicator) => indicator.sourceId === SOURCE_IDS.syntheticSurvey);
}

function modelFor(indicator: Indicator): QuestionModel {
  const model = SURVEY_MODELS[indicator.slug];
  if (!model) {
    throw new Error(`Synthetic survey: no model for survey indicator "${indicator.slug}"; add it to SURVEY_MODELS.`);
  }
  if ((model.kind === "score") !== (indicator.unit === "score")) {
    throw new Error(`Synthetic survey: "${indicator.slug}" has unit ${indicator.unit} but a ${model.kind} model.`);
  }
  return model;
}

/** Simulated, aggregated survey rows for every survey indicator × ward and LA × period × group. */
export function generateSyntheticSurvey(input: SyntheticSurveyInput): Observation[] {
  const periods = input.periods ?? [...DEFAULT_SURVEY_PERIODS];
  const respondents = simulateSurveyRespondents({ ...input, periods });
  return aggregateSurveyRespondents(respondents, {
    indicators: surveyIndicators(),
    wardCodes: input.wards.map((ward) => ward.code),
    laCode: input.laCode,
    periods,
  });
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function inverseLogit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Ward IMD scores as z-scores across the input wards (0 for all when they do not vary). */
function standardisedImd(wards: readonly SurveyWardInput[]): Map<string, number> {
  const mean = wards.reduce((sum, ward) => sum + ward.imdScore, 0) / Math.max(1, wards.length);
  const variance = wards.reduce((sum, ward) => sum + (ward.imdScore - mean) ** 2, 0) / Math.max(1, wards.length);
  const sd = Math.sqrt(variance);
  return new Map(wards.map((ward) => [ward.code, sd > 0 ? (ward.imdScore - mean) / sd : 0]));
}

/** Usual sample size for a ward: larger wards get larger samples, within 60–180. */
function plannedSampleSize(population: number): number {
  return clamp(40 + population / 110, 60, 180);
}

/**
 * The respondents of the simulated survey. Each random stream is keyed by seed, ward, period and
 * question, so the draws never depend on input order, and adding a question changes no other
 * answer. (Adding a ward or a period does shift others: IMD is standardised across the wards given,
 * trends are centred on the middle period, and weights are calibrated across wards.)
 */
export function simulateSurveyRespondents(input: SyntheticSurveyInput): SurveyRespondent[] {
  const seed = input.seed ?? DEFAULT_SURVEY_SEED;
  const periods = input.periods ?? [...DEFAULT_SURVEY_PERIODS];
  const indicators = surveyIndicators().map((indicator) => ({ slug: indicator.slug, model: modelFor(indicator) }));
  const zImd = standardisedImd(input.wards);

  // Persistent ward effects: a shared "civic culture" factor plus each question's own effect.
  const wardEffects = new Map<string, Map<string, number>>();
  for (const ward of input.wards) {
    const civicCulture = createRandom(`${seed}|ward|${ward.code}`).normal();
    const effects = new Map<string, number>();
    for (const { slug, model } of indicators) {
      const own = createRandom(`${seed}|ward|${ward.code}|${slug}`).normal(0, model.wardSd);
      effects.set(slug, model.civicLoading * civicCulture + own);
    }
    wardEffects.set(ward.code, effects);
  }

  const respondents: SurveyRespondent[] = [];
  const totalPopulation = input.wards.reduce((sum, ward) => sum + ward.population, 0);
  periods.forEach((period, periodIndex) => {
    const yearsFromMiddle = periodIndex - (periods.length - 1) / 2;
    const periodRespondents: SurveyRespondent[][] = [];
    for (const ward of input.wards) {
      const z = zImd.get(ward.code) ?? 0;
      const sampling = createRandom(`${seed}|sample|${ward.code}|${period}`);
      // About 1 ward-period in 15 has a much smaller sample (a poor response year), so the
      // suppression rule has something to do.
      const size =
        sampling.next() < SMALL_SAMPLE_CHANCE
          ? sampling.int(5, 24)
          : Math.round(clamp(plannedSampleSize(ward.population) * (0.85 + 0.3 * sampling.next()), 60, 180));
      // More deprived wards are younger.
      const youngShare = clamp(SAMPLE_AGE_SHARES["16-34"] + 0.03 * z, 0.1, 0.5);
      const oldShare = clamp(SAMPLE_AGE_SHARES["65+"] - 0.03 * z, 0.1, 0.5);
      const wardRespondents: SurveyRespondent[] = [];
      for (let i = 0; i < size; i++) {
        const u = sampling.next();
        const ageBand: AgeBand = u < youngShare ? "16-34" : u < 1 - oldShare ? "35-64" : "65+";
        const weight = clamp(
          AGE_BASE_WEIGHT[ageBand] * Math.exp(sampling.normal(0, WEIGHT_NOISE_SD)),
          MIN_WEIGHT,
          MAX_WEIGHT,
        );
        wardRespondents.push({ areaCode: ward.code, period, ageBand, weight, answers: {} });
      }
      const effects = wardEffects.get(ward.code) as Map<string, number>;
      for (const { slug, model } of indicators) {
        const answering = createRandom(`${seed}|answers|${ward.code}|${period}|${slug}`);
        const shift = model.imdSlope * z + (effects.get(slug) ?? 0) + model.trendPerPeriod * yearsFromMiddle;
        for (const respondent of wardRespondents) {
          const ageEffect = model.ageEffects[respondent.ageBand];
          if (model.kind === "proportion") {
            respondent.answers[slug] = answering.next() < inverseLogit(logit(model.level) + shift + ageEffect);
          } else {
            const score = answering.normal(model.mean + shift + ageEffect, model.sd);
            respondent.answers[slug] = clamp(Math.round(score), model.min, model.max);
          }
        }
      }
      periodRespondents.push(wardRespondents);
    }

    // Calibrate: scale each ward's weights so its share of the weight total matches its share of
    // the population (trimmed, as real surveys trim extreme factors). This is what makes the
    // Peterborough row represent residents rather than whichever wards happened to answer most.
    const designTotal = periodRespondents.flat().reduce((sum, respondent) => sum + respondent.weight, 0);
    input.wards.forEach((ward, wardIndex) => {
      const wardRespondents = periodRespondents[wardIndex] as SurveyRespondent[];
      const wardTotal = wardRespondents.reduce((sum, respondent) => sum + respondent.weight, 0);
      if (wardTotal > 0 && totalPopulation > 0) {
        const factor = clamp(
          ((ward.population / totalPopulation) * designTotal) / wardTotal,
          CALIBRATION_TRIM[0],
          CALIBRATION_TRIM[1],
        );
        for (const respondent of wardRespondents) respondent.weight *= factor;
      }
      respondents.push(...wardRespondents);
    });
  });
  return respondents;
}

// ---------------------------------------------------------------------------------------------
// Aggregation: exactly what the survey importer does with real microdata
// ---------------------------------------------------------------------------------------------

export interface AggregationPlan {
  indicators: readonly Indicator[];
  wardCodes: readonly string[];
  /** The local authority row pools the respondents of all wards in wardCodes. */
  laCode: string;
  periods: readonly string[];
}

/**
 * One row per indicator × area (the wards and the LA) × period × group, aggregated by the importer's
 * method (lib/stats/survey-aggregation.ts): the demo's figures are what a council's real survey would give.
 */
export function aggregateSurveyRespondents(
  respondents: readonly SurveyRespondent[],
  plan: AggregationPlan,
): Observation[] {
  const wards = new Set(plan.wardCodes);
  const periods = new Set(plan.periods);
  return aggregateSurvey(
    respondents
      .filter((respondent) => wards.has(respondent.areaCode) && periods.has(respondent.period))
      .map((respondent) => ({
        areaCode: respondent.areaCode,
        period: respondent.period,
        weight: respondent.weight,
        groups: [`age:${respondent.ageBand}`],
        answers: plan.indicators.map((indicator) => {
          const answer = respondent.answers[indicator.slug];
          // Item non-response: a real survey's respondents may skip a question (the simulation's never do).
          return answer === undefined ? Number.NaN : typeof answer === "boolean" ? Number(answer) : answer;
        }),
      })),
    {
      questions: plan.indicators.map((indicator) => ({
        indicator: indicator.slug,
        kind: indicator.unit === "score" ? "mean" : "proportion",
        unit: indicator.unit,
      })),
      parentOf: new Map(plan.wardCodes.map((code) => [code, plan.laCode])),
      groupOrder: AGE_BANDS.map((band) => `age:${band}`),
      minBase: DEFAULT_MIN_BASE,
      sourceId: SOURCE_IDS.syntheticSurvey,
      synthetic: true,
    },
  );
}

// Plain-English strengths and gaps for a ward, generated only from statistically significant
// differences from its local authority (compareWithBenchmark). See docs/methodology.md,
// "Strengths and gaps summary".
import type { Indicator, Observation } from "@/lib/domain/types";
import { compareWithBenchmark } from "@/lib/stats/compare";
import { formatValue } from "@/lib/indicators/format";

export interface Sentence {
  slug: string;
  text: string;
  wardValue: number;
  parentValue: number;
}

export interface AreaSummary {
  strengths: Sentence[];
  gaps: Sentence[];
}

export interface SummaryInput {
  areaName: string;
  parentName: string;
  comparisons: { indicator: Indicator; ward: Observation | null; parent: Observation | null }[];
}

/** At most this many strengths and this many gaps. */
export const SUMMARY_LIMIT = 3;

/**
 * How a sentence about an indicator is worded.
 * - share:  "A higher share of <who> here <predicate> than across <parent> (a vs b)."
 * - count:  "More <who> here <predicate> than across <parent> (a vs b)." (rates per 1,000 people)
 * - amount: "There are more <things> for the population here than across <parent> (a vs b)."
 * - level:  "<Subject> is higher here than across <parent> (a vs b)."
 */
type Phrase =
  | { kind: "share"; who: string; predicate: string }
  | { kind: "count"; who: string; predicate: string }
  | { kind: "amount"; things: string }
  | { kind: "level"; subject: string };

const adults = (predicate: string): Phrase => ({ kind: "share", who: "adults", predicate });

/** Wording for the catalogue's indicators; imported indicators fall back to their short title. */
const PHRASES: Record<string, Phrase> = {
  "informal-help": adults("gave unpaid help to someone outside their family in the last month"),
  "acts-of-kindness": adults("did a small act of kindness for a neighbour or stranger in the last week"),
  "neighbours-help": adults("agree that people around here are willing to help their neighbours"),
  "trust-neighbours": adults("trust many or some of the people in their neighbourhood"),
  "formal-volunteering": adults("volunteer through a group or club at least once a month"),
  "civic-action": adults("took part in civic action in the last 12 months"),
  "time-banking": { kind: "count", who: "adults", predicate: "are members of a time bank or skills exchange" },
  "hyperlocal-online": adults("posted in a local online group, forum or blog in the last 12 months"),
  "can-influence": adults("feel they can influence decisions affecting their local area"),
  "confidence-to-act": adults("feel confident they could organise a local activity or campaign"),
  "wellbeing-resilience": { kind: "level", subject: "Average mental wellbeing (SWEMWBS score)" },
  belonging: adults("feel they belong strongly to their neighbourhood"),
  "chronic-loneliness": adults("feel lonely often or always"),
  "adult-skills": {
    kind: "share",
    who: "adults aged 25–64",
    predicate: "have no or low qualifications or limited English",
  },
  "digital-connectivity": { kind: "level", subject: "The broadband speed score (higher means slower)" },
  "community-spaces": { kind: "amount", things: "community meeting spaces" },
  "active-groups": { kind: "amount", things: "active community groups and charities" },
  "unpaid-carers": { kind: "share", who: "residents", predicate: "provide unpaid care" },
  "imd-score": { kind: "level", subject: "The deprivation (IMD) score" },
  "income-deprivation": { kind: "share", who: "residents", predicate: "live in income-deprived households" },
  "bad-health": { kind: "share", who: "residents", predicate: "report bad or very bad health" },
  disability: { kind: "share", who: "residents", predicate: "are disabled under the Equality Act" },
  "household-deprivation": {
    kind: "share",
    who: "households",
    predicate: "are deprived in two or more dimensions",
  },
};

/** "Park visits" → "park visits", but "IMD score" stays as it is (acronyms keep their case). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function phraseFor(indicator: Indicator): Phrase {
  return PHRASES[indicator.slug] ?? { kind: "level", subject: `The figure for ${lowerFirst(indicator.shortTitle)}` };
}

/** One sentence comparing a ward's value with its parent's (the wording follows the direction). */
export function comparisonSentence(
  indicator: Indicator,
  wardValue: number,
  parentValue: number,
  parentName: string,
): string {
  const higher = wardValue > parentValue;
  const figures = `(${formatValue(wardValue, indicator)} vs ${formatValue(parentValue, indicator)})`;
  const across = `than across ${parentName} ${figures}.`;
  const phrase = phraseFor(indicator);
  switch (phrase.kind) {
    case "share":
      return `A ${higher ? "higher" : "lower"} share of ${phrase.who} here ${phrase.predicate} ${across}`;
    case "count":
      return `${higher ? "More" : "Fewer"} ${phrase.who} here ${phrase.predicate} ${across}`;
    case "amount":
      return `There are ${higher ? "more" : "fewer"} ${phrase.things} for the population here ${across}`;
    case "level":
      return `${phrase.subject} is ${higher ? "higher" : "lower"} here ${across}`;
  }
}

/** Relative size of a difference, |ward − parent| / |parent|; a zero parent ranks first. */
function relativeDifference(wardValue: number, parentValue: number): number {
  const difference = Math.abs(wardValue - parentValue);
  if (parentValue === 0) return difference === 0 ? 0 : Infinity;
  return difference / Math.abs(parentValue);
}

/**
 * Strengths (significantly better than the parent) and gaps (significantly worse), largest
 * relative difference first, at most SUMMARY_LIMIT of each. Differences that are not significant,
 * indicators where neither direction is better, suppressed cells and figures without an interval
 * never produce a sentence. A ward figure and a parent figure from different periods are skipped.
 */
export function summariseArea(input: SummaryInput): AreaSummary {
  const ranked: { rating: "better" | "worse"; size: number; sentence: Sentence }[] = [];
  for (const { indicator, ward, parent } of input.comparisons) {
    if (!ward || !parent || ward.value === null || parent.value === null) continue;
    if (ward.period !== parent.period) continue;
    const { rating } = compareWithBenchmark(ward, parent, indicator.polarity);
    if (rating !== "better" && rating !== "worse") continue;
    ranked.push({
      rating,
      size: relativeDifference(ward.value, parent.value),
      sentence: {
        slug: indicator.slug,
        text: comparisonSentence(indicator, ward.value, parent.value, input.parentName),
        wardValue: ward.value,
        parentValue: parent.value,
      },
    });
  }
  // Largest first; sort is stable, so ties keep the input (catalogue) order.
  ranked.sort((a, b) => b.size - a.size);
  const pick = (rating: "better" | "worse") =>
    ranked
      .filter((item) => item.rating === rating)
      .slice(0, SUMMARY_LIMIT)
      .map((item) => item.sentence);
  return { strengths: pick("better"), gaps: pick("worse") };
}

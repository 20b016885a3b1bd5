// The indicator catalogue: the product's design of what is measured (see docs/methodology.md).
// This module is the only place indicator metadata is written down; the seed stores it in the
// Indicator table, and pages read it from there (imports may add indicators of their own).
import type { Indicator } from "@/lib/domain/types";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import { DEFAULT_MIN_BASE } from "@/lib/stats/survey-aggregation";

type CatalogueEntry = Omit<Indicator, "sortOrder">;

/** How a survey share is computed (lib/stats/survey-aggregation.ts), with the survey's suppression threshold. */
export function surveyShareMethod(minBase: number): string {
  return (
    "Weighted share of survey respondents aged 16+ in the ward and year, with a 95% Wilson interval on the effective sample size (so survey weights widen it). " +
    `Cells with fewer than ${minBase} respondents are suppressed.`
  );
}
const SURVEY_METHOD = surveyShareMethod(DEFAULT_MIN_BASE);
const SYNTHETIC_CAVEAT =
  "Illustrative synthetic data: no ward-level public survey exists, so these figures are generated " +
  "(deterministically, correlated with real deprivation) to demonstrate the dashboard. A council replaces them by importing its own Civic Pulse survey.";
const BEST_FIT =
  "Aggregated from LSOAs to wards with the ONS best-fit lookup; where an LSOA straddles a ward boundary the ward figure is an approximation.";

function survey(
  entry: Omit<CatalogueEntry, "synthetic" | "sourceId" | "method" | "caveats" | "unit" | "unitLabel" | "decimals"> &
    Partial<Pick<CatalogueEntry, "unit" | "unitLabel" | "decimals" | "method">>,
): CatalogueEntry {
  return {
    unit: "percent",
    unitLabel: "% of adults",
    decimals: 1,
    method: SURVEY_METHOD,
    ...entry,
    caveats: SYNTHETIC_CAVEAT,
    synthetic: true,
    sourceId: SOURCE_IDS.syntheticSurvey,
  };
}

const ENTRIES: CatalogueEntry[] = [
  // 1. Everyday citizenship
  survey({
    slug: "informal-help",
    title: "Gave unpaid help to someone outside the family in the last month",
    shortTitle: "Informal help",
    description:
      "Share of adults who gave unpaid help (shopping, lifts, looking after a pet or child) to someone who is not a relative, in the last month.",
    whyItMatters:
      "Informal help is the most common form of active citizenship and the base that organised volunteering grows from.",
    domain: "everyday",
    polarity: "higher-better",
  }),
  survey({
    slug: "acts-of-kindness",
    title: "Did a small act of kindness for a neighbour or stranger in the last week",
    shortTitle: "Acts of kindness",
    description: "Share of adults who did a small act of kindness for a neighbour or a stranger in the last week.",
    whyItMatters: "Everyday kindness is the texture of a neighbourhood: it is how trust is built and noticed.",
    domain: "everyday",
    polarity: "higher-better",
  }),
  survey({
    slug: "neighbours-help",
    title: "Agree people around here are willing to help their neighbours",
    shortTitle: "Neighbours help each other",
    description: "Share of adults who agree that people in their neighbourhood are willing to help their neighbours.",
    whyItMatters: "Expecting help makes people more willing to give it: reciprocity is self-reinforcing.",
    domain: "everyday",
    polarity: "higher-better",
  }),
  survey({
    slug: "trust-neighbours",
    title: "Trust many or some of the people in their neighbourhood",
    shortTitle: "Trust in neighbours",
    description: "Share of adults who say they trust many or some of the people in their neighbourhood.",
    whyItMatters: "Trust lowers the cost of doing things together, from lending a ladder to starting a group.",
    domain: "everyday",
    polarity: "higher-better",
  }),
  // 2. Civic participation
  survey({
    slug: "formal-volunteering",
    title: "Volunteered through a group or club at least once a month",
    shortTitle: "Regular volunteering",
    description:
      "Share of adults who gave unpaid help through a group, club or organisation at least once a month in the last year.",
    whyItMatters: "Regular formal volunteering is what keeps clubs, groups and community services running.",
    domain: "participation",
    polarity: "higher-better",
  }),
  survey({
    slug: "civic-action",
    title: "Took part in civic action in the last 12 months",
    shortTitle: "Civic action",
    description:
      "Share of adults who signed a petition, contacted a councillor or attended a public meeting or local campaign in the last 12 months.",
    whyItMatters: "Civic action is how residents shape local decisions rather than only receive them.",
    domain: "participation",
    polarity: "higher-better",
  }),
  survey({
    slug: "time-banking",
    title: "Members of a time bank or skills exchange",
    shortTitle: "Time-bank members",
    description: "Adults who are members of a time bank or skills exchange, per 1,000 adults.",
    whyItMatters: "Time banks turn spare hours and skills into mutual help that does not depend on money.",
    domain: "participation",
    polarity: "higher-better",
    unit: "per1000",
    unitLabel: "per 1,000 adults",
    decimals: 0,
    method:
      "Weighted share of respondents who are members, scaled to a rate per 1,000 adults, with a 95% Wilson interval. Cells with fewer than 10 respondents are suppressed.",
  }),
  survey({
    slug: "hyperlocal-online",
    title: "Posted in a local online group, forum or blog about the area in the last 12 months",
    shortTitle: "Hyper-local online",
    description:
      "Share of adults who posted in a local online group, forum or blog about their area in the last 12 months.",
    whyItMatters: "Hyper-local media is where many people now notice a problem and find others to act on it.",
    domain: "participation",
    polarity: "higher-better",
  }),
  // 3. Drivers
  survey({
    slug: "can-influence",
    title: "Agree they can influence decisions affecting their local area",
    shortTitle: "Can influence decisions",
    description: "Share of adults who agree they can influence decisions affecting their local area.",
    whyItMatters: "People act when they believe it makes a difference; a sense of influence predicts civic action.",
    domain: "drivers",
    polarity: "higher-better",
  }),
  survey({
    slug: "confidence-to-act",
    title: "Confident they could organise a local activity or campaign",
    shortTitle: "Confidence to act",
    description: "Share of adults who feel confident they could organise a local activity or campaign.",
    whyItMatters: "Confidence and know-how are the skills gap that most often stops people starting something.",
    domain: "drivers",
    polarity: "higher-better",
  }),
  survey({
    slug: "wellbeing-resilience",
    title: "Mean short Warwick-Edinburgh wellbeing score (7–35)",
    shortTitle: "Wellbeing (SWEMWBS)",
    description: "Mean score on the short Warwick-Edinburgh Mental Wellbeing Scale, from 7 (lowest) to 35 (highest).",
    whyItMatters: "Emotional resilience gives people the headroom to look beyond their own pressures.",
    domain: "drivers",
    polarity: "higher-better",
    unit: "score",
    unitLabel: "mean score (7–35)",
    decimals: 1,
    method:
      "Weighted mean of respondents' SWEMWBS scores with a 95% t-interval. Cells with fewer than 10 respondents are suppressed.",
  }),
  survey({
    slug: "belonging",
    title: "Feel they belong strongly to their neighbourhood",
    shortTitle: "Belonging",
    description: "Share of adults who feel they belong very or fairly strongly to their immediate neighbourhood.",
    whyItMatters: "Belonging turns a place people live into a place they look after.",
    domain: "drivers",
    polarity: "higher-better",
  }),
  survey({
    slug: "chronic-loneliness",
    title: "Feel lonely often or always",
    shortTitle: "Chronic loneliness",
    description: "Share of adults who say they feel lonely often or always.",
    whyItMatters: "Loneliness both results from and prevents taking part; it marks who active citizenship is missing.",
    domain: "drivers",
    polarity: "lower-better",
  }),
  {
    slug: "adult-skills",
    title: "Adults with no or low qualifications or limited English (IoD 2025)",
    shortTitle: "Adult skills deprivation",
    description:
      "Share of working-age adults (25–64) with no or low qualifications, or who cannot speak English well: the adult skills indicator of the English Indices of Deprivation 2025.",
    whyItMatters: "Skills and language open the door to organising, campaigning and volunteering roles.",
    domain: "drivers",
    unit: "percent",
    unitLabel: "% of adults 25–64",
    polarity: "lower-better",
    decimals: 1,
    method:
      "Each LSOA's published rate times its Census 2021 population aged 25–64 gives a count; ward counts are summed and divided by the ward population aged 25–64. " +
      BEST_FIT,
    caveats:
      "The IoD rate uses its own population base; weighting by Census 2021 ages 25–64 is a close approximation. " +
      BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.iod2025Indicators,
  },
  {
    slug: "digital-connectivity",
    title: "Digital connectivity: broadband speed score (IoD 2025)",
    shortTitle: "Broadband score",
    description:
      "The broadband download and upload speed indicator of the English Indices of Deprivation 2025, a standardised score where higher means slower connections (more deprived).",
    whyItMatters:
      "Hyper-local groups, time banks and campaigns increasingly organise online; slow connections shut people out.",
    domain: "drivers",
    unit: "score",
    unitLabel: "score (higher = slower)",
    polarity: "lower-better",
    decimals: 2,
    method: "Population-weighted mean of the LSOA scores (Census 2021 usual residents). " + BEST_FIT,
    caveats: "A standardised score: compare places with each other, not with a threshold. " + BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.iod2025Indicators,
  },
  // 4. Assets
  {
    slug: "community-spaces",
    title: "Community meeting spaces (halls, libraries, centres)",
    shortTitle: "Community spaces",
    description: "Community halls, libraries and community centres in the ward, per 1,000 residents.",
    whyItMatters: "Somewhere to meet is the first thing a new group needs.",
    domain: "assets",
    unit: "per1000",
    unitLabel: "per 1,000 residents",
    polarity: "higher-better",
    decimals: 2,
    method:
      "Count of assets in the register with category library, community centre or community hall inside the ward boundary, divided by the ward's usual residents (the population stored with its boundary: Census 2021 for the demo's wards), times 1,000.",
    caveats: "Counted from the illustrative synthetic asset register until a council imports its own.",
    synthetic: true,
    sourceId: SOURCE_IDS.syntheticAssets,
  },
  {
    slug: "active-groups",
    title: "Active community groups and charities",
    shortTitle: "Community groups",
    description:
      "Community groups, clubs, faith groups, time banks, food banks and youth clubs in the ward, per 1,000 residents.",
    whyItMatters: "Existing groups are the quickest route to reach people and to grow participation.",
    domain: "assets",
    unit: "per1000",
    unitLabel: "per 1,000 residents",
    polarity: "higher-better",
    decimals: 2,
    method:
      "Count of assets in the register that are groups or organisations (not buildings or parks) inside the ward boundary, divided by the ward's usual residents (the population stored with its boundary: Census 2021 for the demo's wards), times 1,000.",
    caveats: "Counted from the illustrative synthetic asset register until a council imports its own.",
    synthetic: true,
    sourceId: SOURCE_IDS.syntheticAssets,
  },
  {
    slug: "unpaid-carers",
    title: "Residents providing unpaid care",
    shortTitle: "Unpaid carers",
    description: "Share of usual residents aged 5 and over who provide any unpaid care (Census 2021, TS039).",
    whyItMatters:
      "Unpaid care is the hidden wealth of a neighbourhood, and a pressure on carers' time to take part in anything else.",
    domain: "assets",
    unit: "percent",
    unitLabel: "% of residents aged 5+",
    polarity: "neither",
    decimals: 1,
    method:
      "Sum over the ward's LSOAs of residents providing any unpaid care, divided by the sum of residents aged 5 and over. " +
      BEST_FIT,
    caveats: BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.census2021Ts039,
  },
  // 5. Context
  {
    slug: "imd-score",
    title: "Index of Multiple Deprivation score, population-weighted",
    shortTitle: "Deprivation (IMD score)",
    description:
      "The overall Index of Multiple Deprivation score, averaged over the ward's LSOAs weighted by population. Higher means more deprived.",
    whyItMatters: "Deprivation shapes how much time, money and confidence people have to take part.",
    domain: "context",
    unit: "score",
    unitLabel: "IMD score",
    polarity: "lower-better",
    decimals: 1,
    method:
      "Population-weighted mean of LSOA IMD scores (IoD 2025 on LSOA 2021; IoD 2019 on LSOA 2011, weighted by Census 2021 residents mapped to 2011 LSOAs). " +
      BEST_FIT,
    caveats:
      "IoD 2019 and 2025 use different methods and LSOA boundaries: compare ranks within one edition, not scores across editions. " +
      BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.iod2025Scores,
  },
  {
    slug: "income-deprivation",
    title: "Income deprivation",
    shortTitle: "Income deprivation",
    description:
      "Share of residents living in income-deprived households (the Income domain of the Indices of Deprivation).",
    whyItMatters: "Money worries crowd out time and energy for community life.",
    domain: "context",
    unit: "percent",
    unitLabel: "% of residents",
    polarity: "lower-better",
    decimals: 1,
    method:
      "Sum of LSOA income-deprived counts (IoD numerators) divided by the sum of the populations they were measured against (numerator ÷ published income score). " +
      BEST_FIT,
    caveats:
      "The two editions are not comparable in level: IoD 2025 counts income deprivation differently (its published rates are about twice IoD 2019's for the same places), uses 2021 LSOAs and newer data. Compare wards within one edition. " +
      BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.iod2025Indicators,
  },
  {
    slug: "bad-health",
    title: "Bad or very bad general health",
    shortTitle: "Bad health",
    description: "Share of usual residents reporting bad or very bad general health (Census 2021, TS037).",
    whyItMatters: "Poor health limits who can take part, and shows where informal help matters most.",
    domain: "context",
    unit: "percent",
    unitLabel: "% of residents",
    polarity: "lower-better",
    decimals: 1,
    method:
      "Sum over the ward's LSOAs of residents in bad or very bad health, divided by all usual residents. " + BEST_FIT,
    caveats: BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.census2021Ts037,
  },
  {
    slug: "disability",
    title: "Disabled under the Equality Act",
    shortTitle: "Disability",
    description: "Share of usual residents who are disabled under the Equality Act (Census 2021, TS038).",
    whyItMatters: "Accessible spaces and activities decide whether disabled residents can take part.",
    domain: "context",
    unit: "percent",
    unitLabel: "% of residents",
    polarity: "lower-better",
    decimals: 1,
    method:
      "Sum over the ward's LSOAs of residents disabled under the Equality Act, divided by all usual residents. " +
      BEST_FIT,
    caveats: BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.census2021Ts038,
  },
  {
    slug: "household-deprivation",
    title: "Households deprived in two or more dimensions",
    shortTitle: "Household deprivation",
    description:
      "Share of households deprived in two or more of the four Census dimensions: employment, education, health and disability, housing (Census 2021, TS011).",
    whyItMatters: "Households facing several pressures at once have the least slack for community life.",
    domain: "context",
    unit: "percent",
    unitLabel: "% of households",
    polarity: "lower-better",
    decimals: 1,
    method:
      "Sum over the ward's LSOAs of households deprived in 2, 3 or 4 dimensions, divided by all households. " +
      BEST_FIT,
    caveats: BEST_FIT,
    synthetic: false,
    sourceId: SOURCE_IDS.census2021Ts011,
  },
];

/** The catalogue in display order; sortOrder follows the order above. */
export const INDICATOR_CATALOGUE: readonly Indicator[] = ENTRIES.map((entry, index) => ({
  ...entry,
  sortOrder: index + 1,
}));

/** The indicator the home page shows first: the headline measure of active citizenship. */
export const DEFAULT_INDICATOR_SLUG = "formal-volunteering";

/**
 * The indicator a default view (the home page, a ward page, the embedded map) opens on, among those with
 * figures (in catalogue order): the headline one, or, for a council that has no figures for it (yet), the
 * first that has. Null when none has any.
 */
export function defaultIndicatorSlug(withFigures: readonly { slug: string }[]): string | null {
  return withFigures.some((i) => i.slug === DEFAULT_INDICATOR_SLUG)
    ? DEFAULT_INDICATOR_SLUG
    : (withFigures[0]?.slug ?? null);
}

export function catalogueEntry(slug: string): Indicator | undefined {
  return INDICATOR_CATALOGUE.find((indicator) => indicator.slug === slug);
}

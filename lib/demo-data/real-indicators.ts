// The real public indicators, aggregated from LSOAs to Peterborough's 22 wards and to
// Peterborough itself. Rates are summed from counts (Σ numerators / Σ denominators), never
// averaged; scores are population-weighted means (numerator Σ w·x, denominator Σ w).
// LSOAs reach wards through the official ONS best-fit lookups, so ward figures are approximations
// where an LSOA straddles a boundary (the catalogue says so on each indicator).
import { cell, numberCell, optionalNumberCell } from "@/lib/csv/parse-csv";
import type { Observation } from "@/lib/domain/types";
import { ALL_GROUP } from "@/lib/domain/types";
import { SOURCE_IDS } from "@/lib/demo-data/sources";
import {
  DEFAULT_DATA_DIR,
  LSOA11_LSOA21_FILE,
  lsoa11ResidentsFromLsoa21,
  lsoa21PopulationsFromTs007a,
  readRawTable,
  TS007A_FILE,
} from "@/lib/demo-data/population";

export const PETERBOROUGH_CODE = "E06000031";
export const EXPECTED_WARD_COUNT = 22;

export const RAW_FILES = {
  lsoa21Ward: "geographr-lookups/lsoa21_to_ward24_E06000031.csv",
  lsoa11Ward: "ons-lookups/lsoa11_to_ward19_E06000031.csv",
  lsoa11Lsoa21: LSOA11_LSOA21_FILE,
  ts007a: TS007A_FILE,
  ts011: "humaniverse-imd/census21_deprivation_england_wales_lsoa21_E06000031.csv",
  ts037: "nomis-census2021/census2021-ts037-lsoa_E06000031.csv",
  ts038: "nomis-census2021/census2021-ts038-lsoa_E06000031.csv",
  ts039: "nomis-census2021/census2021-ts039-lsoa_E06000031.csv",
  iod2025Scores: "humaniverse-imd/imd2025_england_lsoa21_E06000031.csv",
  iod2025Indicators: "humaniverse-imd/imd2025_england_lsoa21_indicators_E06000031.csv",
  iod2019Indicators: "humaniverse-imd/imd2019_england_lsoa11_indicators_E06000031.csv",
  iod2019Scores: "mysociety-composite-uk-imd/uk_imd_e_E06000031.csv",
} as const;

/** A count pair for one LSOA (or area): a rate is numerator / denominator, a mean Σw·x / Σw. */
export interface CountPair {
  numerator: number;
  denominator: number;
}

/** An LSOA left out of one indicator because its cells could not give a count pair. */
export interface ExcludedLsoa {
  indicatorSlug: string;
  period: string;
  lsoaCode: string;
  reason: string;
}

export interface RealIndicators {
  observations: Observation[];
  /** Census 2021 usual residents per ward, and for Peterborough (E06000031). */
  wardPopulation: Map<string, number>;
  /** The IoD 2025 population-weighted IMD score per ward (the 22 wards only). */
  wardImdScore: Map<string, number>;
  /** LSOAs left out of an indicator because of empty or zero cells (none in the current files). */
  excludedLsoas: ExcludedLsoa[];
}

/** LSOA figures for one indicator and period, plus the LSOAs that had to be left out. */
interface LsoaFigures {
  figures: Map<string, CountPair>;
  excluded: ExcludedLsoa[];
}

type Rows = readonly Record<string, string>[];

// ---------------------------------------------------------------------------------------------
// Lookups

/** LSOA → ward from a best-fit lookup, checked to cover exactly Peterborough's 22 wards. */
export function wardLookupFromRows(
  rows: Rows,
  columns: { lsoa: string; ward: string; la: string },
  source: string,
): Map<string, string> {
  const wardOf = new Map<string, string>();
  for (const row of rows) {
    const lsoa = cell(row, columns.lsoa, source);
    const la = cell(row, columns.la, source);
    if (la !== PETERBOROUGH_CODE) throw new Error(`${source}: LSOA ${lsoa} is in ${la}, not ${PETERBOROUGH_CODE}.`);
    if (wardOf.has(lsoa)) throw new Error(`${source}: LSOA ${lsoa} appears more than once.`);
    wardOf.set(lsoa, cell(row, columns.ward, source));
  }
  const wards = new Set(wardOf.values());
  if (wards.size !== EXPECTED_WARD_COUNT) {
    throw new Error(`${source}: expected ${EXPECTED_WARD_COUNT} wards but found ${wards.size}.`);
  }
  return wardOf;
}

// ---------------------------------------------------------------------------------------------
// LSOA figures: one count pair per LSOA, each from its own file (pure functions of parsed rows)

function byLsoa(rows: Rows, codeColumn: string, source: string, pair: (row: Record<string, string>) => CountPair) {
  const figures = new Map<string, CountPair>();
  for (const row of rows) {
    const code = cell(row, codeColumn, source);
    if (figures.has(code)) throw new Error(`${source}: LSOA ${code} appears more than once.`);
    figures.set(code, pair(row));
  }
  return figures;
}

const NOMIS_CODE = "geography code";

/** TS039: residents aged 5+ giving any unpaid care = all aged 5+ minus those giving none. */
export function unpaidCarersByLsoa(rows: Rows, source = RAW_FILES.ts039): Map<string, CountPair> {
  return byLsoa(rows, NOMIS_CODE, source, (row) => {
    const total = numberCell(row, "Provision of unpaid care: Total: All usual residents aged 5 and over", source);
    const none = numberCell(row, "Provision of unpaid care: Provides no unpaid care", source);
    return { numerator: total - none, denominator: total };
  });
}

/** TS037: residents in bad or very bad health over all usual residents. */
export function badHealthByLsoa(rows: Rows, source = RAW_FILES.ts037): Map<string, CountPair> {
  return byLsoa(rows, NOMIS_CODE, source, (row) => ({
    numerator:
      numberCell(row, "General health: Bad health", source) +
      numberCell(row, "General health: Very bad health", source),
    denominator: numberCell(row, "General health: Total: All usual residents", source),
  }));
}

/** TS038: residents disabled under the Equality Act over all usual residents. */
export function disabilityByLsoa(rows: Rows, source = RAW_FILES.ts038): Map<string, CountPair> {
  return byLsoa(rows, NOMIS_CODE, source, (row) => ({
    numerator: numberCell(row, "Disability: Disabled under the Equality Act", source),
    denominator: numberCell(row, "Disability: Total: All usual residents", source),
  }));
}

/**
 * TS011 in long format: one row per LSOA and number of deprivation dimensions, coded 0–4
 * (0 = not deprived in any dimension). Households deprived in 2, 3 or 4 dimensions over all
 * households (the sum of the five categories: the file has no total row).
 */
export function householdDeprivationByLsoa(rows: Rows, source = RAW_FILES.ts011): Map<string, CountPair> {
  const counts = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const code = cell(row, "lsoa21_code", source);
    const dimensions = numberCell(row, "households_number_deprivation_dimensions", source);
    if (!Number.isInteger(dimensions) || dimensions < 0 || dimensions > 4) {
      throw new Error(`${source}: LSOA ${code} has deprivation category ${dimensions}; expected 0–4.`);
    }
    const byCategory = counts.get(code) ?? new Map<number, number>();
    if (byCategory.has(dimensions)) throw new Error(`${source}: LSOA ${code} has category ${dimensions} twice.`);
    byCategory.set(dimensions, numberCell(row, "count", source));
    counts.set(code, byCategory);
  }
  const figures = new Map<string, CountPair>();
  for (const [code, byCategory] of counts) {
    if (byCategory.size !== 5) throw new Error(`${source}: LSOA ${code} has ${byCategory.size} of the 5 categories.`);
    let numerator = 0;
    let denominator = 0;
    for (const [dimensions, count] of byCategory) {
      denominator += count;
      if (dimensions >= 2) numerator += count;
    }
    figures.set(code, { numerator, denominator });
  }
  return figures;
}

/**
 * Income deprivation from an IoD numerator (income-deprived people) and the published Income
 * score (the rate): the denominator is recovered as numerator / rate. `rateScale` converts the
 * score to a proportion (1 for IoD 2025's 0.063, 100 for mySociety's 6.3). An LSOA whose
 * numerator is empty, or whose numerator or rate is zero (no denominator can be recovered),
 * is left out and reported.
 */
export function incomeDeprivationByLsoa(
  numeratorRows: Rows,
  numeratorColumns: { code: string; numerator: string; source: string },
  rateRows: Rows,
  rateColumns: { code: string; rate: string; source: string; rateScale: number },
  period: string,
): LsoaFigures {
  const rates = new Map<string, number | null>();
  for (const row of rateRows) {
    const code = cell(row, rateColumns.code, rateColumns.source);
    if (rates.has(code)) throw new Error(`${rateColumns.source}: LSOA ${code} appears more than once.`);
    const rate = optionalNumberCell(row, rateColumns.rate, rateColumns.source);
    rates.set(code, rate === null ? null : rate / rateColumns.rateScale);
  }
  const figures = new Map<string, CountPair>();
  const excluded: ExcludedLsoa[] = [];
  const leaveOut = (lsoaCode: string, reason: string) =>
    excluded.push({ indicatorSlug: "income-deprivation", period, lsoaCode, reason });
  for (const row of numeratorRows) {
    const code = cell(row, numeratorColumns.code, numeratorColumns.source);
    if (figures.has(code) || excluded.some((entry) => entry.lsoaCode === code)) {
      throw new Error(`${numeratorColumns.source}: LSOA ${code} appears more than once.`);
    }
    if (!rates.has(code)) throw new Error(`${rateColumns.source}: no row for LSOA ${code}.`);
    const numerator = optionalNumberCell(row, numeratorColumns.numerator, numeratorColumns.source);
    const rate = rates.get(code) ?? null;
    if (numerator === null) leaveOut(code, `empty ${numeratorColumns.numerator}`);
    else if (rate === null) leaveOut(code, `empty ${rateColumns.rate}`);
    else if (numerator === 0 || rate === 0) leaveOut(code, "zero numerator or rate: no denominator can be recovered");
    else figures.set(code, { numerator, denominator: numerator / rate });
  }
  for (const code of rates.keys()) {
    if (!figures.has(code) && !excluded.some((entry) => entry.lsoaCode === code)) {
      throw new Error(`${numeratorColumns.source}: no row for LSOA ${code}.`);
    }
  }
  return { figures, excluded };
}

/**
 * A weighted mean's count pair per LSOA: numerator w·x, denominator w. An empty value cell leaves
 * the LSOA out (reported); an LSOA without a weight is an error.
 */
export function weightedByLsoa(
  rows: Rows,
  columns: { code: string; value: string; source: string },
  weights: ReadonlyMap<string, number>,
  weightName: string,
  label: { indicatorSlug: string; period: string },
): LsoaFigures {
  const figures = new Map<string, CountPair>();
  const excluded: ExcludedLsoa[] = [];
  for (const row of rows) {
    const code = cell(row, columns.code, columns.source);
    if (figures.has(code) || excluded.some((entry) => entry.lsoaCode === code)) {
      throw new Error(`${columns.source}: LSOA ${code} appears more than once.`);
    }
    const weight = weights.get(code);
    if (weight === undefined) throw new Error(`${columns.source}: LSOA ${code} has no ${weightName}.`);
    const value = optionalNumberCell(row, columns.value, columns.source);
    if (value === null) excluded.push({ ...label, lsoaCode: code, reason: `empty ${columns.value}` });
    else figures.set(code, { numerator: weight * value, denominator: weight });
  }
  return { figures, excluded };
}

// ---------------------------------------------------------------------------------------------
// Aggregation

/**
 * Sums LSOA count pairs into wards and into Peterborough. Every LSOA with figures must be in the
 * lookup, and every LSOA in the lookup must have figures unless it was left out on purpose.
 */
export function aggregateToAreas(
  figures: ReadonlyMap<string, CountPair>,
  wardOf: ReadonlyMap<string, string>,
  context: { dataFile: string; lookupFile: string; leftOut?: readonly string[] },
): Map<string, CountPair> {
  const leftOut = new Set(context.leftOut ?? []);
  const areas = new Map<string, CountPair>();
  const add = (code: string, pair: CountPair) => {
    const sum = areas.get(code) ?? { numerator: 0, denominator: 0 };
    areas.set(code, { numerator: sum.numerator + pair.numerator, denominator: sum.denominator + pair.denominator });
  };
  for (const [lsoa, pair] of figures) {
    const ward = wardOf.get(lsoa);
    if (ward === undefined) {
      throw new Error(`${context.lookupFile} is missing LSOA ${lsoa}, which ${context.dataFile} has.`);
    }
    add(ward, pair);
    add(PETERBOROUGH_CODE, pair);
  }
  for (const lsoa of leftOut) {
    if (!wardOf.has(lsoa))
      throw new Error(`${context.lookupFile} is missing LSOA ${lsoa}, which ${context.dataFile} has.`);
  }
  for (const lsoa of wardOf.keys()) {
    if (!figures.has(lsoa) && !leftOut.has(lsoa)) {
      throw new Error(`${context.dataFile} has no figures for LSOA ${lsoa}, which ${context.lookupFile} has.`);
    }
  }
  return areas;
}

function toObservations(
  areas: ReadonlyMap<string, CountPair>,
  spec: { indicatorSlug: string; period: string; sourceId: string; scale: number },
): Observation[] {
  // Wards in code order, then Peterborough.
  const codes = [...areas.keys()].filter((code) => code !== PETERBOROUGH_CODE).sort();
  codes.push(PETERBOROUGH_CODE);
  return codes.map((areaCode) => {
    const { numerator, denominator } = areas.get(areaCode)!;
    return {
      indicatorSlug: spec.indicatorSlug,
      areaCode,
      period: spec.period,
      group: ALL_GROUP,
      value: denominator > 0 ? (spec.scale * numerator) / denominator : null,
      // Census and administrative data: no sampling interval.
      lowerCi: null,
      upperCi: null,
      numerator,
      denominator,
      sampleSize: null,
      suppressed: false,
      synthetic: false,
      sourceId: spec.sourceId,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The build

/** Every real indicator × area × period, with ward populations and IMD scores for the generators. */
export function buildRealIndicatorObservations(dataDir = DEFAULT_DATA_DIR): RealIndicators {
  const read = (file: string) => readRawTable(dataDir, file);

  const wardOf21 = wardLookupFromRows(
    read(RAW_FILES.lsoa21Ward),
    { lsoa: "lsoa21_code", ward: "ward24_code", la: "ltla24_code" },
    RAW_FILES.lsoa21Ward,
  );
  const wardOf11 = wardLookupFromRows(
    read(RAW_FILES.lsoa11Ward),
    { lsoa: "LSOA11CD", ward: "WD19CD", la: "LAD19CD" },
    RAW_FILES.lsoa11Ward,
  );
  const wards21 = [...new Set(wardOf21.values())].sort();
  const wards11 = [...new Set(wardOf11.values())].sort();
  if (wards21.join() !== wards11.join()) {
    throw new Error(`${RAW_FILES.lsoa21Ward} and ${RAW_FILES.lsoa11Ward} name different wards.`);
  }

  const lsoa21Population = lsoa21PopulationsFromTs007a(read(RAW_FILES.ts007a));
  const residents21 = new Map([...lsoa21Population].map(([code, population]) => [code, population.residents]));
  const aged25to64 = new Map([...lsoa21Population].map(([code, population]) => [code, population.aged25to64]));
  const residents11 = lsoa11ResidentsFromLsoa21(residents21, read(RAW_FILES.lsoa11Lsoa21));

  const observations: Observation[] = [];
  const excludedLsoas: ExcludedLsoa[] = [];
  const emit = (
    result: LsoaFigures | Map<string, CountPair>,
    spec: {
      indicatorSlug: string;
      period: string;
      sourceId: string;
      scale: number;
      dataFile: string;
      vintage: 2011 | 2021;
    },
  ) => {
    const { figures, excluded } = result instanceof Map ? { figures: result, excluded: [] } : result;
    excludedLsoas.push(...excluded);
    const lookupFile = spec.vintage === 2021 ? RAW_FILES.lsoa21Ward : RAW_FILES.lsoa11Ward;
    const areas = aggregateToAreas(figures, spec.vintage === 2021 ? wardOf21 : wardOf11, {
      dataFile: spec.dataFile,
      lookupFile,
      leftOut: excluded.map((entry) => entry.lsoaCode),
    });
    const made = toObservations(areas, spec);
    observations.push(...made);
    return made;
  };
  const PERCENT = 100;
  const MEAN = 1;

  // Census 2021
  emit(unpaidCarersByLsoa(read(RAW_FILES.ts039)), {
    indicatorSlug: "unpaid-carers",
    period: "2021",
    sourceId: SOURCE_IDS.census2021Ts039,
    scale: PERCENT,
    dataFile: RAW_FILES.ts039,
    vintage: 2021,
  });
  emit(badHealthByLsoa(read(RAW_FILES.ts037)), {
    indicatorSlug: "bad-health",
    period: "2021",
    sourceId: SOURCE_IDS.census2021Ts037,
    scale: PERCENT,
    dataFile: RAW_FILES.ts037,
    vintage: 2021,
  });
  emit(disabilityByLsoa(read(RAW_FILES.ts038)), {
    indicatorSlug: "disability",
    period: "2021",
    sourceId: SOURCE_IDS.census2021Ts038,
    scale: PERCENT,
    dataFile: RAW_FILES.ts038,
    vintage: 2021,
  });
  emit(householdDeprivationByLsoa(read(RAW_FILES.ts011)), {
    indicatorSlug: "household-deprivation",
    period: "2021",
    sourceId: SOURCE_IDS.census2021Ts011,
    scale: PERCENT,
    dataFile: RAW_FILES.ts011,
    vintage: 2021,
  });

  // IoD 2025 (LSOA 2021)
  const iod2025Scores = read(RAW_FILES.iod2025Scores);
  const iod2025Indicators = read(RAW_FILES.iod2025Indicators);
  emit(
    incomeDeprivationByLsoa(
      iod2025Indicators,
      { code: "lsoa21_code", numerator: "income_domain_numerator", source: RAW_FILES.iod2025Indicators },
      iod2025Scores,
      { code: "lsoa21_code", rate: "Income_score", source: RAW_FILES.iod2025Scores, rateScale: 1 },
      "2025",
    ),
    {
      indicatorSlug: "income-deprivation",
      period: "2025",
      sourceId: SOURCE_IDS.iod2025Indicators,
      scale: PERCENT,
      dataFile: RAW_FILES.iod2025Indicators,
      vintage: 2021,
    },
  );
  const imd2025 = emit(
    weightedByLsoa(
      iod2025Scores,
      { code: "lsoa21_code", value: "IMD_score", source: RAW_FILES.iod2025Scores },
      residents21,
      "Census 2021 population",
      { indicatorSlug: "imd-score", period: "2025" },
    ),
    {
      indicatorSlug: "imd-score",
      period: "2025",
      sourceId: SOURCE_IDS.iod2025Scores,
      scale: MEAN,
      dataFile: RAW_FILES.iod2025Scores,
      vintage: 2021,
    },
  );
  // The adult skills indicator is a proportion of residents aged 25–64: weighting it by that
  // population turns it into an estimated count, so the ward figure is Σ count / Σ population.
  emit(
    weightedByLsoa(
      iod2025Indicators,
      {
        code: "lsoa21_code",
        value: "adult_skills_and_english_language_proficiency_indicator",
        source: RAW_FILES.iod2025Indicators,
      },
      aged25to64,
      "Census 2021 population aged 25–64",
      { indicatorSlug: "adult-skills", period: "2025" },
    ),
    {
      indicatorSlug: "adult-skills",
      period: "2025",
      sourceId: SOURCE_IDS.iod2025Indicators,
      scale: PERCENT,
      dataFile: RAW_FILES.iod2025Indicators,
      vintage: 2021,
    },
  );
  // Published with higher = slower broadband (more deprived): it rises with the Barriers to
  // Housing and Services domain score once the other barriers are held constant.
  emit(
    weightedByLsoa(
      iod2025Indicators,
      {
        code: "lsoa21_code",
        value: "digital_connectivity_broadband_download_and_upload_speeds",
        source: RAW_FILES.iod2025Indicators,
      },
      residents21,
      "Census 2021 population",
      { indicatorSlug: "digital-connectivity", period: "2025" },
    ),
    {
      indicatorSlug: "digital-connectivity",
      period: "2025",
      sourceId: SOURCE_IDS.iod2025Indicators,
      scale: MEAN,
      dataFile: RAW_FILES.iod2025Indicators,
      vintage: 2021,
    },
  );

  // IoD 2019 (LSOA 2011). mySociety's file supplies the published income and overall scores;
  // rows cite it because its licence (CC BY) asks for attribution and its attribution names MHCLG too.
  const iod2019Scores = read(RAW_FILES.iod2019Scores);
  emit(
    incomeDeprivationByLsoa(
      read(RAW_FILES.iod2019Indicators),
      { code: "lsoa11_code", numerator: "income_domain_numerator", source: RAW_FILES.iod2019Indicators },
      iod2019Scores,
      { code: "lsoa", rate: "income_score", source: RAW_FILES.iod2019Scores, rateScale: 100 },
      "2019",
    ),
    {
      indicatorSlug: "income-deprivation",
      period: "2019",
      sourceId: SOURCE_IDS.iod2019Scores,
      scale: PERCENT,
      dataFile: RAW_FILES.iod2019Indicators,
      vintage: 2011,
    },
  );
  emit(
    weightedByLsoa(
      iod2019Scores,
      { code: "lsoa", value: "overall_local_score", source: RAW_FILES.iod2019Scores },
      residents11,
      "Census 2021 population (summed to LSOA 2011)",
      { indicatorSlug: "imd-score", period: "2019" },
    ),
    {
      indicatorSlug: "imd-score",
      period: "2019",
      sourceId: SOURCE_IDS.iod2019Scores,
      scale: MEAN,
      dataFile: RAW_FILES.iod2019Scores,
      vintage: 2011,
    },
  );

  const populationPairs = new Map(
    [...residents21].map(([code, residents]) => [code, { numerator: residents, denominator: residents }]),
  );
  const wardPopulation = new Map(
    [
      ...aggregateToAreas(populationPairs, wardOf21, { dataFile: RAW_FILES.ts007a, lookupFile: RAW_FILES.lsoa21Ward }),
    ].map(([code, pair]) => [code, pair.numerator]),
  );
  const wardImdScore = new Map<string, number>();
  for (const observation of imd2025) {
    if (observation.areaCode !== PETERBOROUGH_CODE && observation.value !== null) {
      wardImdScore.set(observation.areaCode, observation.value);
    }
  }
  return { observations, wardPopulation, wardImdScore, excludedLsoas };
}

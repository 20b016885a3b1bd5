// Census 2021 populations per LSOA, used as weights when LSOA figures are aggregated to wards:
// usual residents (for population-weighted scores) and residents aged 25–64 (the base of the
// IoD adult skills indicator). IoD 2019 is published on 2011 LSOAs, so 2011 populations are
// rebuilt by summing each 2011 LSOA's 2021 children.
import fs from "node:fs";
import path from "node:path";
import { cell, numberCell, parseCsv } from "@/lib/csv/parse-csv";

export const DEFAULT_DATA_DIR = "prisma/data/raw";
export const TS007A_FILE = "nomis-census2021/census2021-ts007a-lsoa_E06000031.csv";
export const LSOA11_LSOA21_FILE = "geographr-lookups/lsoa11_to_lsoa21_E06000031.csv";

const TS007A_CODE = "geography code";
const TS007A_TOTAL = "Age: Total";
/** The 5-year bands 25–29 … 60–64, as Nomis names them. */
export const WORKING_AGE_BANDS: readonly string[] = [25, 30, 35, 40, 45, 50, 55, 60].map(
  (start) => `Age: Aged ${start} to ${start + 4} years`,
);

export interface Lsoa21Population {
  residents: number;
  aged25to64: number;
}

/** Reads a CSV file under the raw data folder; throws if it has no data rows. */
export function readRawTable(dataDir: string, file: string): Record<string, string>[] {
  const rows = parseCsv(fs.readFileSync(path.join(dataDir, file), "utf8"));
  if (rows.length === 0) throw new Error(`${file}: no data rows.`);
  return rows;
}

/** Usual residents and residents aged 25–64 per LSOA 2021, from TS007a rows. */
export function lsoa21PopulationsFromTs007a(
  rows: readonly Record<string, string>[],
  source = TS007A_FILE,
): Map<string, Lsoa21Population> {
  const populations = new Map<string, Lsoa21Population>();
  for (const row of rows) {
    const code = cell(row, TS007A_CODE, source);
    if (populations.has(code)) throw new Error(`${source}: LSOA ${code} appears more than once.`);
    const aged25to64 = WORKING_AGE_BANDS.reduce((sum, band) => sum + numberCell(row, band, source), 0);
    populations.set(code, { residents: numberCell(row, TS007A_TOTAL, source), aged25to64 });
  }
  return populations;
}

/**
 * Residents per LSOA 2011: the sum of its LSOA 2021 children. Only unchanged (U) and split (S)
 * codes can be summed exactly; a merge (M) or complex change (X) would need apportioning, which
 * Peterborough does not need, so those throw.
 */
export function lsoa11ResidentsFromLsoa21(
  lsoa21Residents: ReadonlyMap<string, number>,
  lookupRows: readonly Record<string, string>[],
  source = LSOA11_LSOA21_FILE,
): Map<string, number> {
  const residents = new Map<string, number>();
  const childrenSeen = new Set<string>();
  for (const row of lookupRows) {
    const parent = cell(row, "lsoa11_code", source);
    const child = cell(row, "lsoa21_code", source);
    const change = cell(row, "change_code", source);
    if (change !== "U" && change !== "S") {
      throw new Error(
        `${source}: ${parent} → ${child} has change code "${change}"; only unchanged (U) and split (S) LSOAs can be summed.`,
      );
    }
    if (childrenSeen.has(child)) throw new Error(`${source}: LSOA 2021 ${child} has more than one 2011 parent.`);
    childrenSeen.add(child);
    const childResidents = lsoa21Residents.get(child);
    if (childResidents === undefined) throw new Error(`${source}: LSOA 2021 ${child} has no Census 2021 population.`);
    residents.set(parent, (residents.get(parent) ?? 0) + childResidents);
  }
  for (const code of lsoa21Residents.keys()) {
    if (!childrenSeen.has(code)) throw new Error(`${source}: LSOA 2021 ${code} is missing from the lookup.`);
  }
  return residents;
}

export function readLsoa21Populations(dataDir = DEFAULT_DATA_DIR): Map<string, Lsoa21Population> {
  return lsoa21PopulationsFromTs007a(readRawTable(dataDir, TS007A_FILE));
}

export function readLsoa11Residents(
  dataDir = DEFAULT_DATA_DIR,
  lsoa21: ReadonlyMap<string, Lsoa21Population> = readLsoa21Populations(dataDir),
): Map<string, number> {
  const residents = new Map([...lsoa21].map(([code, population]) => [code, population.residents]));
  return lsoa11ResidentsFromLsoa21(residents, readRawTable(dataDir, LSOA11_LSOA21_FILE));
}

// 22 made-up wards for the synthetic survey tests: populations and IMD scores spread like a
// mid-sized English town's (IMD 8–50, 3,400–13,800 residents), but not any real place.
import type { SurveyWardInput } from "@/lib/demo-data/synthetic-survey";

export const FIXTURE_LA_CODE = "E06999999";

const POPULATIONS_AND_IMD: ReadonlyArray<readonly [number, number]> = [
  [3500, 8.9],
  [10500, 32.6],
  [13800, 39.0],
  [11100, 41.8],
  [13500, 40.7],
  [10700, 20.6],
  [10800, 23.3],
  [10200, 21.9],
  [6200, 9.4],
  [10000, 17.2],
  [9100, 17.7],
  [9700, 14.5],
  [11100, 50.2],
  [11000, 35.5],
  [9100, 16.3],
  [11500, 32.8],
  [11500, 37.9],
  [12300, 34.0],
  [11400, 21.5],
  [8900, 16.6],
  [6400, 18.3],
  [3400, 13.3],
];

export const FIXTURE_WARDS: SurveyWardInput[] = POPULATIONS_AND_IMD.map(([population, imdScore], index) => ({
  code: `E0599${String(index + 1).padStart(4, "0")}`,
  population,
  imdScore,
}));

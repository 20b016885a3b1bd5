import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { parseCsvRows } from "@/lib/csv/parse-csv";
import {
  lsoa11ResidentsFromLsoa21,
  lsoa21PopulationsFromTs007a,
  readLsoa11Residents,
  readLsoa21Populations,
} from "@/lib/demo-data/population";

const RAW = path.join(process.cwd(), "prisma/data/raw");

test("sums the eight 5-year bands from 25–29 to 60–64 into residents aged 25–64", () => {
  const row: Record<string, string> = { "geography code": "L1", "Age: Total": "1000" };
  // Bands outside 25–64 must not count: give them large values.
  row["Age: Aged 20 to 24 years"] = "500";
  row["Age: Aged 65 to 69 years"] = "500";
  [25, 30, 35, 40, 45, 50, 55, 60].forEach((start, i) => {
    row[`Age: Aged ${start} to ${start + 4} years`] = String(i + 1);
  });
  const populations = lsoa21PopulationsFromTs007a([row], "t.csv");
  assert.deepEqual(populations.get("L1"), { residents: 1000, aged25to64: 36 });
  assert.throws(() => lsoa21PopulationsFromTs007a([row, row], "t.csv"), /L1 appears more than once/);
  const missingBand = { ...row };
  delete missingBand["Age: Aged 40 to 44 years"];
  assert.throws(() => lsoa21PopulationsFromTs007a([missingBand], "t.csv"), /no column "Age: Aged 40 to 44 years"/);
});

test("2011 LSOAs get the summed residents of their 2021 children", () => {
  const residents = new Map([
    ["A", 100],
    ["B1", 60],
    ["B2", 70],
  ]);
  const lookup = [
    { lsoa11_code: "A", lsoa21_code: "A", change_code: "U" },
    { lsoa11_code: "B", lsoa21_code: "B1", change_code: "S" },
    { lsoa11_code: "B", lsoa21_code: "B2", change_code: "S" },
  ];
  assert.deepEqual(
    [...lsoa11ResidentsFromLsoa21(residents, lookup)],
    [
      ["A", 100],
      ["B", 130],
    ],
  );
  assert.throws(
    () => lsoa11ResidentsFromLsoa21(residents, [...lookup.slice(0, 2), { ...lookup[2]!, change_code: "M" }]),
    /change code "M"/,
  );
  assert.throws(() => lsoa11ResidentsFromLsoa21(residents, lookup.slice(0, 2)), /B2 is missing from the lookup/);
  assert.throws(
    () => lsoa11ResidentsFromLsoa21(new Map([["A", 1]]), lookup.slice(0, 2)),
    /B1 has no Census 2021 population/,
  );
});

test("real files: 121 LSOA 2021 and 112 LSOA 2011 populations with the same total", () => {
  const lsoa21 = readLsoa21Populations(RAW);
  const lsoa11 = readLsoa11Residents(RAW, lsoa21);
  assert.equal(lsoa21.size, 121);
  assert.equal(lsoa11.size, 112);
  const total21 = [...lsoa21.values()].reduce((sum, p) => sum + p.residents, 0);
  const total11 = [...lsoa11.values()].reduce((sum, p) => sum + p, 0);
  assert.equal(total11, total21);

  // Independent check on one LSOA from the raw rows by column position: 25–29 … 60–64 are the
  // 7th to 14th age columns after date, geography, code and total (indices 9…16).
  const rows = parseCsvRows(
    fs.readFileSync(path.join(RAW, "nomis-census2021/census2021-ts007a-lsoa_E06000031.csv"), "utf8"),
  );
  const header = rows[0]!;
  assert.equal(header[9], "Age: Aged 25 to 29 years");
  assert.equal(header[16], "Age: Aged 60 to 64 years");
  for (const row of rows.slice(1, 6)) {
    const expected = row.slice(9, 17).reduce((sum, value) => sum + Number(value), 0);
    assert.equal(lsoa21.get(row[2]!)?.aged25to64, expected);
    assert.equal(lsoa21.get(row[2]!)?.residents, Number(row[3]));
  }
});

// The bad-file corpus: every file in fixtures/ that must be refused gives the expected plain
// message (with line and column where there is one), and leaves the database byte-for-byte
// as it was.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { formatProblem } from "@/lib/import/problems";
import { runImport } from "@/lib/import/run-import";
import type { ImportKind, ImportRequest } from "@/lib/import/types";
import { fixture, seededTemplate, sha256OfFile, writeFile, type TestDatabases } from "./helpers";

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

interface Expected {
  /** Text the message must contain. */
  says: string | RegExp;
  line?: number;
  column?: string;
  /** File the problem is reported against, when not the data file. */
  file?: string;
}

interface Case {
  file: string;
  kind?: ImportKind;
  options?: Partial<ImportRequest>;
  expect: Expected[];
}

const CASES: Case[] = [
  { file: "empty.csv", expect: [{ says: "The file is empty." }] },
  { file: "header-only.csv", expect: [{ says: "header row but no data rows" }] },
  { file: "semicolon.csv", expect: [{ says: "separated by semicolons (;), not commas", line: 1 }] },
  { file: "tab.csv", expect: [{ says: "separated by tabs", line: 1 }] },
  { file: "utf16.csv", expect: [{ says: "saved as UTF-16" }] },
  { file: "latin1.csv", expect: [{ says: "not valid UTF-8", line: 3 }] },
  { file: "workbook.csv", expect: [{ says: "spreadsheet workbook (.xlsx)" }] },
  { file: "missing-column.csv", expect: [{ says: 'no "value" column', column: "value" }] },
  {
    file: "unknown-area.csv",
    expect: [{ says: 'Unknown area code "E05099999"', line: 3, column: "area_code" }],
  },
  {
    file: "non-numeric.csv",
    expect: [
      { says: '"12,5" is not a number: use a full stop for decimals', line: 2, column: "value" },
      { says: "without the % sign", line: 3, column: "value" },
    ],
  },
  {
    file: "lower-above-value.csv",
    expect: [{ says: "The lower limit (55) is above the value (50)", line: 2, column: "lower_ci" }],
  },
  { file: "duplicate-key.csv", expect: [{ says: "Duplicate row: line 2 already has belonging", line: 4 }] },
  { file: "unknown-indicator.csv", expect: [{ says: 'Unknown indicator "belongings"', line: 2, column: "indicator" }] },
  { file: "bad-period.csv", expect: [{ says: '"March 2026" is not a period', line: 2, column: "period" }] },
  { file: "bad-group.csv", expect: [{ says: '"16-34" is not a population group', line: 2, column: "group" }] },
  {
    file: "wrong-field-count.csv",
    expect: [{ says: "This row has 5 values but the header row has 10 columns", line: 3 }],
  },
  { file: "unclosed-quote.csv", expect: [{ says: "never closed", line: 3 }] },
  {
    file: "suppressed-with-value.csv",
    expect: [{ says: "marked suppressed, so it must not carry numbers: leave value, sample_size empty", line: 3 }],
  },
  {
    file: "conflict-with-demo.csv",
    expect: [{ says: /synthetic figures for "belonging" \(\d+ figures, 2021 to 2025\).*Add --replace-demo/ }],
  },
  {
    file: "conflict-with-demo.csv",
    options: { synthetic: true },
    expect: [
      {
        says: 'from the source "civic-pulse-synthetic-survey"; figures from other sources are never overwritten',
        line: 2,
      },
    ],
  },
  {
    file: "conflict-with-census.csv",
    options: { replaceDemo: true },
    expect: [
      {
        says: 'from the source "census2021-ts039"; figures from other sources are never overwritten',
        line: 2,
      },
    ],
  },
  {
    file: "percent-out-of-range.csv",
    expect: [{ says: '127 is outside the possible range: "belonging" is a percentage', line: 2, column: "value" }],
  },
  {
    file: "uses-park-visits.csv",
    options: { metadataFile: fixture("metadata-bad-unit.json") },
    expect: [
      { says: '"percentage" is not one of: percent, per1000, score', column: "unit", file: "metadata-bad-unit.json" },
    ],
  },
  {
    file: "uses-park-visits.csv",
    options: { metadataFile: fixture("metadata-redefines-catalogue.json") },
    expect: [
      { says: 'The indicator "belonging" already exists', file: "metadata-redefines-catalogue.json" },
      { says: 'Unknown indicator "park-visits"', line: 2 },
    ],
  },
  {
    file: "open-ring.geojson",
    kind: "boundaries",
    options: { parentCode: "E06000031" },
    expect: [{ says: "Ring 1 (outer) is not closed" }],
  },
  {
    file: "bow-tie.geojson",
    kind: "boundaries",
    options: { parentCode: "E06000031" },
    expect: [{ says: "the boundary intersects itself" }],
  },
  {
    file: "too-few-points.geojson",
    kind: "boundaries",
    options: { parentCode: "E06000031" },
    expect: [{ says: "has 3 positions; a ring needs at least 4" }],
  },
  {
    file: "web-mercator.geojson",
    kind: "boundaries",
    options: { parentCode: "E06000031" },
    expect: [{ says: "EPSG::3857, which this import cannot convert" }],
  },
  {
    file: "lat-lon-swapped.geojson",
    kind: "boundaries",
    options: { parentCode: "E06000031" },
    expect: [{ says: "look like latitude, longitude" }],
  },
  {
    file: "existing-ward.geojson",
    kind: "boundaries",
    options: { parentCode: "E06000031" },
    expect: [{ says: 'The area E05010805 (Barnack) already exists (from the source "ons-ward-boundaries-2025")' }],
  },
  {
    file: "existing-ward.geojson",
    kind: "boundaries",
    options: { parentCode: "E06999999" },
    expect: [{ says: "The parent area E06999999 is not in the database" }],
  },
  {
    file: "asset-bad-category.csv",
    kind: "assets",
    expect: [{ says: '"chess-club" is not a known category', line: 3, column: "category" }],
  },
  {
    file: "asset-outside.csv",
    kind: "assets",
    expect: [
      { says: /outside every area boundary in the database \(the nearest is .+ km away\)/, line: 2, column: "lat" },
    ],
  },
  {
    file: "survey-bad-answer.csv",
    kind: "survey",
    options: { mappingFile: fixture("survey-mapping.json"), metadataFile: fixture("survey-metadata.json") },
    expect: [{ says: 'The answer "Yess" is not listed in the mapping', line: 3, column: "q_green" }],
  },
  {
    file: "survey-ok.csv",
    kind: "survey",
    options: { mappingFile: fixture("survey-mapping-unknown-indicator.json") },
    expect: [{ says: 'Unknown indicator "green-space-visitz"', file: "survey-mapping-unknown-indicator.json" }],
  },
  {
    file: "survey-ok.csv",
    kind: "indicators",
    expect: [{ says: 'The file has no "indicator" column' }, { says: 'The file has no "value" column' }],
  },
];

for (const c of CASES) {
  const kind = c.kind ?? "indicators";
  test(`${kind} ${c.file}${c.options ? ` (${Object.keys(c.options).join(", ")})` : ""}: ${c.expect.map((e) => e.says).join("; ")}`, async () => {
    const databaseFile = dbs.copy();
    const before = sha256OfFile(databaseFile);
    const outcome = await runImport({ kind, file: fixture(c.file), databaseFile, ...c.options });
    assert.equal(outcome.status, "invalid", `expected the file to be refused, got ${outcome.status}`);
    if (outcome.status !== "invalid") return;
    const found = outcome.problems.items;
    for (const expected of c.expect) {
      const match = found.find(
        (p) =>
          (typeof expected.says === "string" ? p.message.includes(expected.says) : expected.says.test(p.message)) &&
          (expected.line === undefined || p.line === expected.line) &&
          (expected.column === undefined || p.column === expected.column) &&
          p.file === (expected.file ?? c.file),
      );
      assert.ok(match, `no problem like ${JSON.stringify(expected)} among:\n${found.map(formatProblem).join("\n")}`);
    }
    assert.equal(sha256OfFile(databaseFile), before, "the database file changed");
  });
}

test("a file with several problems reports them all at once, each with its line", async () => {
  const databaseFile = dbs.copy();
  const file = writeFile(
    dbs.dir,
    "many-problems.csv",
    "area_code,indicator,period,value,lower_ci,upper_ci\n" +
      "E05010805,belonging,2026,50,,\n" +
      "E0501080X,belonging,2026,50,,\n" +
      "E05010806,belonging,2026,abc,,\n" +
      "E05010807,belonging,2026,40,45,50\n" +
      "E05010808,belonging,2026,40,30,\n",
  );
  const outcome = await runImport({ kind: "indicators", file, databaseFile });
  assert.equal(outcome.status, "invalid");
  assert.deepEqual(
    outcome.problems.items.map((p) => [p.line, p.column]),
    [
      [3, "area_code"],
      [4, "value"],
      [5, "lower_ci"],
      [6, "upper_ci"],
    ],
  );
});

test("a file that is not JSON is refused as a boundary file, with the line of the fault", async () => {
  const databaseFile = dbs.copy();
  const before = sha256OfFile(databaseFile);
  const file = writeFile(
    dbs.dir,
    "broken.geojson",
    '{"type": "FeatureCollection", "features": [\n  {"type": "Feature",\n}\n',
  );
  const outcome = await runImport({ kind: "boundaries", file, databaseFile, parentCode: "E06000031" });
  assert.equal(outcome.status, "invalid");
  if (outcome.status !== "invalid") return;
  const problem = outcome.problems.items[0]!;
  assert.match(problem.message, /not valid JSON/);
  assert.equal(problem.line, 3);
  assert.equal(sha256OfFile(databaseFile), before);
});

test("a missing file and a database without the import table are reported plainly", async () => {
  const databaseFile = dbs.copy();
  const outcome = await runImport({ kind: "indicators", file: fixture("no-such-file.csv"), databaseFile });
  assert.equal(outcome.status, "invalid");
  if (outcome.status === "invalid") assert.match(outcome.problems.items[0]!.message, /There is no such file/);
  await assert.rejects(
    runImport({ kind: "indicators", file: fixture("header-only.csv"), databaseFile: `${dbs.dir}/none.db` }),
    /There is no database at .*npm run db:setup/,
  );
});

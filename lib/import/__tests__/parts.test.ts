// The small parts of the importer: cells, the duplicate-key table, source ids, the command line,
// progress throttling and the problem list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseImportArgs, UsageError } from "@/lib/import/cli-args";
import { numberProblem, quickNumber, readFlag, readGroup, readPeriod } from "@/lib/import/cells";
import { LineByKey } from "@/lib/import/key-table";
import { formatProblemList, ProblemLog } from "@/lib/import/problems";
import { streamProgress } from "@/lib/import/progress";
import { deriveSourceId } from "@/lib/import/source";
import { createRandom } from "@/lib/stats/random";

test("numbers: plain decimals only, with a reason for the usual spreadsheet slips", () => {
  assert.equal(quickNumber("27.3"), 27.3);
  assert.equal(quickNumber("-0.5"), -0.5);
  assert.equal(quickNumber(".5"), 0.5);
  assert.equal(quickNumber("1e3"), 1000);
  assert.equal(quickNumber(""), null);
  assert.equal(quickNumber("NA"), null);
  for (const bad of ["0x10", "Infinity", "1 000", "12,5", "27%", "1,234.5", "abc", "1.2.3"]) {
    assert.equal(quickNumber(bad), undefined, bad);
  }
  assert.match(numberProblem("12,5"), /full stop for decimals/);
  assert.match(numberProblem("1,234.5"), /thousands separators/);
  assert.match(numberProblem("27%"), /without the % sign/);
  assert.match(numberProblem("abc"), /"abc" is not a number\./);
});

test("periods sort in time order; groups are all or dimension:value; flags", () => {
  for (const ok of ["2025", "2025-26", "2025-Q1", "2025-01", "2025-03-31"]) assert.equal(readPeriod(ok).ok, true, ok);
  for (const bad of ["", "25", "2025/26", "Q1 2025", "2025-Q5", "March 2025"])
    assert.equal(readPeriod(bad).ok, false, bad);
  assert.deepEqual(readGroup(""), { ok: true, value: "all" });
  assert.deepEqual(readGroup("ALL"), { ok: true, value: "all" });
  assert.deepEqual(readGroup("age:65+"), { ok: true, value: "age:65+" });
  for (const bad of ["16-34", "Age:16-34", "age:", "age: 16"]) assert.equal(readGroup(bad).ok, false, bad);
  assert.deepEqual(readFlag("Yes"), { ok: true, value: true });
  assert.deepEqual(readFlag(""), { ok: true, value: false });
  assert.equal(readFlag("maybe").ok, false);
});

test("the duplicate-key table agrees with a Map, keys beyond 2^32 included", () => {
  const random = createRandom("keys");
  const table = new LineByKey(4);
  const reference = new Map<number, number>();
  for (let line = 1; line <= 20000; line++) {
    const key = random.next() < 0.5 ? random.int(0, 5000) : Math.floor(random.next() * 2 ** 52);
    const expected = reference.get(key);
    if (expected === undefined) reference.set(key, line);
    assert.equal(table.addIfAbsent(key, line), expected);
  }
  assert.equal(table.size, reference.size);
  assert.throws(() => table.addIfAbsent(-1, 1), RangeError);
});

test("source ids come from the kind and the file name", () => {
  assert.equal(
    deriveSourceId("indicators", "/tmp/Wellbeing Survey 2025 (final).csv"),
    "import-indicators-wellbeing-survey-2025-final",
  );
  assert.equal(deriveSourceId("assets", "Équipements.csv"), "import-assets-equipements");
  assert.equal(deriveSourceId("boundaries", "___.geojson"), "import-boundaries-file");
});

test("the command line: kinds, options per kind, and plain usage errors", () => {
  assert.deepEqual(parseImportArgs([]), { command: "help" });
  assert.deepEqual(parseImportArgs(["history"]), { command: "history" });
  const indicators = parseImportArgs(["indicators", "a.csv", "--metadata=m.json", "--dry-run", "--title", "My data"]);
  assert.deepEqual(indicators, {
    command: "import",
    request: {
      kind: "indicators",
      file: "a.csv",
      dryRun: true,
      synthetic: false,
      metadataFile: "m.json",
      source: { title: "My data" },
    },
  });
  const boundaries = parseImportArgs([
    "boundaries",
    "w.geojson",
    "--type",
    "ward",
    "--parent",
    "E06000031",
    "--crs",
    "EPSG:27700",
    "--min-area",
    "500",
  ]);
  assert.equal(boundaries.command, "import");
  if (boundaries.command === "import") {
    assert.equal(boundaries.request.parentCode, "E06000031");
    assert.equal(boundaries.request.minArea, 500);
    assert.equal(boundaries.request.crs, "EPSG:27700");
  }
  const survey = parseImportArgs(["survey", "r.csv", "--mapping", "m.json", "--min-base", "20"]);
  assert.equal(survey.command === "import" && survey.request.minBase, 20);
  for (const [args, message] of [
    [["spreadsheet", "a.csv"], /"spreadsheet" is not a kind of import/],
    [["indicators"], /Give the file to import/],
    [["indicators", "a.csv", "--mapping", "m.json"], /--mapping is only for survey imports/],
    [["indicators", "a.csv", "--colour", "red"], /Unknown option --colour/],
    [["survey", "r.csv"], /needs a mapping file/],
    [["survey", "r.csv", "--mapping", "m.json", "--min-base", "ten"], /--min-base should be a whole number/],
    [["boundaries", "w.geojson", "--type", "parish"], /--type should be one of ward, local_authority, region, country/],
    [["indicators", "a.csv", "--metadata"], /--metadata needs a value/],
  ] as const) {
    assert.throws(
      () => parseImportArgs(args),
      (error: unknown) => error instanceof UsageError && message.test(error.message),
    );
  }
});

test("progress is throttled: a few updates a second on a terminal, and quiet for quick phases", () => {
  let clock = 0;
  const written: string[] = [];
  const progress = streamProgress({ isTTY: true, write: (text: string) => written.push(text) }, { now: () => clock });
  for (let row = 1; row <= 10000; row++) {
    clock = row; // one millisecond a row: ten seconds in all
    progress.update("Checking", { read: row, validated: row });
  }
  progress.finish("Checked", { read: 10000, validated: 10000 });
  assert.ok(written.length >= 35 && written.length <= 42, `${written.length} updates`);
  assert.match(written.at(-1)!, /Checked: 10,000 rows read, 10,000 valid\n$/);

  const quick: string[] = [];
  const quiet = streamProgress({ isTTY: false, write: (text: string) => quick.push(text) }, { now: () => 0 });
  quiet.update("Checking", { read: 5 });
  quiet.finish("Checked", { read: 5 });
  assert.deepEqual(quick, []);
});

test("the problem list keeps the first problems in detail and counts the rest", () => {
  const log = new ProblemLog(3);
  for (let line = 2; line < 12; line++) log.add({ file: "big.csv", line, column: "value", message: "Bad." });
  assert.equal(log.total, 10);
  assert.deepEqual(formatProblemList(log), [
    'big.csv, line 2, column "value": Bad.',
    'big.csv, line 3, column "value": Bad.',
    'big.csv, line 4, column "value": Bad.',
    "… and 7 more problems not listed.",
  ]);
});

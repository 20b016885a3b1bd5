import { test } from "node:test";
import assert from "node:assert/strict";
import { cell, numberCell, optionalNumberCell, parseCsv, parseCsvRecords, parseCsvRows } from "@/lib/csv/parse-csv";

test("splits simple rows on commas and line feeds", () => {
  assert.deepEqual(parseCsvRows("a,b,c\n1,2,3"), [
    ["a", "b", "c"],
    ["1", "2", "3"],
  ]);
});

test("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
  const text = 'name,note\n"Smith, J","said ""hello""\nthen left"\n';
  assert.deepEqual(parseCsvRows(text), [
    ["name", "note"],
    ["Smith, J", 'said "hello"\nthen left'],
  ]);
});

test("accepts CRLF and LF line endings, even mixed", () => {
  assert.deepEqual(parseCsvRows("a,b\r\n1,2\n3,4\r\n"), [
    ["a", "b"],
    ["1", "2"],
    ["3", "4"],
  ]);
  // A CRLF inside quotes is part of the value.
  assert.deepEqual(parseCsvRows('a\r\n"x\r\ny"\r\n'), [["a"], ["x\r\ny"]]);
});

test("strips a UTF-8 byte-order mark so the first header is clean", () => {
  const rows = parseCsv("\uFEFFcode,value\nE01,5\n");
  assert.deepEqual(rows, [{ code: "E01", value: "5" }]);
  assert.equal(Object.keys(rows[0]!)[0], "code");
});

test("a trailing newline (or several) adds no empty record", () => {
  assert.deepEqual(parseCsvRows("a,b\n1,2\n"), parseCsvRows("a,b\n1,2"));
  assert.deepEqual(parseCsvRows("a,b\n1,2\n\n\r\n"), [
    ["a", "b"],
    ["1", "2"],
  ]);
  assert.deepEqual(parseCsvRows(""), []);
  assert.deepEqual(parseCsvRows("\n"), []);
});

test("keeps empty fields, including a quoted empty field as the last record", () => {
  assert.deepEqual(parseCsvRows("a,,c\n,,\n"), [
    ["a", "", "c"],
    ["", "", ""],
  ]);
  assert.deepEqual(parseCsvRows('x\n""\n'), [["x"], [""]]);
  assert.deepEqual(parseCsvRows('a,""\n'), [["a", ""]]);
});

test("parseCsv maps rows to objects by header and handles quoted headers", () => {
  const rows = parseCsv('"lsoa21_code","count"\n"E01015589",485\n"E01015590",226\n');
  assert.deepEqual(rows, [
    { lsoa21_code: "E01015589", count: "485" },
    { lsoa21_code: "E01015590", count: "226" },
  ]);
  assert.deepEqual(parseCsv("a,b\n"), []);
  assert.deepEqual(parseCsv(""), []);
});

test("throws with the 1-based line number when a row's field count differs from the header", () => {
  assert.throws(() => parseCsv("a,b\n1,2\n3,4,5\n"), /line 3: expected 2 fields .* found 3/);
  assert.throws(() => parseCsv("a,b\n1\n"), /line 2: expected 2 fields .* found 1/);
  // The line counted is where the record starts, after a record spanning two lines.
  assert.throws(() => parseCsv('a,b\n"x\ny",1\n2\n'), /line 4: expected 2 fields/);
  // A blank line in the middle is a record with one field, not silently skipped.
  assert.throws(() => parseCsv("a,b\n\n1,2\n"), /line 2/);
});

test("records carry the line they start on", () => {
  const records = parseCsvRecords('h\r\n"multi\r\nline"\r\nnext\r\n');
  assert.deepEqual(
    records.map((record) => record.line),
    [1, 2, 4],
  );
});

test("rejects malformed quoting clearly", () => {
  assert.throws(() => parseCsvRows('a,"open\n1,2\n'), /line 1: quoted field is never closed/);
  assert.throws(() => parseCsvRows('a,b"c\n'), /line 1: unexpected quote/);
  assert.throws(() => parseCsvRows('x\n"ab"c,d\n'), /line 2: unexpected character after a closing quote/);
});

test("rejects a repeated header name, which would silently drop a column", () => {
  assert.throws(() => parseCsv("a,b,a\n1,2,3\n"), /header "a" appears more than once/);
});

test("cell helpers read numbers strictly and treat empty or NA as missing", () => {
  const row = { a: "12.5", b: "", c: "NA", d: "1e3", e: "x1" };
  assert.equal(numberCell(row, "a", "f.csv"), 12.5);
  assert.equal(numberCell(row, "d", "f.csv"), 1000);
  assert.equal(optionalNumberCell(row, "b", "f.csv"), null);
  assert.equal(optionalNumberCell(row, "c", "f.csv"), null);
  assert.throws(() => numberCell(row, "b", "f.csv"), /f\.csv: column "b" is empty/);
  assert.throws(() => numberCell(row, "e", "f.csv"), /"x1", not a number/);
  assert.throws(() => cell(row, "zz", "f.csv"), /f\.csv: no column "zz"/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCsv } from "@/lib/csv/parse-csv";
import { toCsv } from "@/lib/csv/write-csv";

test("written CSV parses back to the same values, however awkward", () => {
  const rows = [
    { name: 'Eye, Thorney and "Newborough"', value: 12.5, note: "line one\nline two", flag: true, empty: null },
    { name: "Plain", value: -0.25, note: "", flag: false, empty: undefined },
  ];
  const text = toCsv(["name", "value", "note", "flag", "empty"], rows);
  assert.ok(text.startsWith("\uFEFF"));
  assert.deepEqual(parseCsv(text), [
    { name: 'Eye, Thorney and "Newborough"', value: "12.5", note: "line one\nline two", flag: "true", empty: "" },
    { name: "Plain", value: "-0.25", note: "", flag: "false", empty: "" },
  ]);
});

// Reading import files: the streamed CSV reader must agree with the project's strict parser on
// whole texts, however the file is cut into chunks; encodings are refused with the right line.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCsvRecords } from "@/lib/csv/parse-csv";
import { normaliseColumnName, openCsvTable, readCsvRecords, splitCsvRecords, eachRow } from "@/lib/import/csv-reader";
import { ProblemLog, FileProblem } from "@/lib/import/problems";
import { countLineBreaks, firstInvalidUtf8Byte, lineAtByte, readTextChunks } from "@/lib/import/read-text";
import { createRandom } from "@/lib/stats/random";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-reading-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function collect(file: string, chunkBytes: number) {
  const records = [];
  for await (const record of readCsvRecords(file, { chunkBytes })) records.push(record);
  return records;
}

/** What the strict parser makes of the whole text, blank lines left out (as the reader does). */
function strict(text: string) {
  return parseCsvRecords(text).filter((r) => !(r.fields.length === 1 && r.fields[0] === ""));
}

test("the quote-free fast path splits exactly as the strict parser does", () => {
  const random = createRandom("fast-path");
  const endings = ["\n", "\r\n", "\r"];
  for (let round = 0; round < 50; round++) {
    let text = "";
    const lines = 1 + random.int(0, 30);
    for (let i = 0; i < lines; i++) {
      const fields = Array.from({ length: 1 + random.int(0, 5) }, () =>
        random.next() < 0.2 ? "" : `v${random.int(0, 999)}`,
      );
      text += fields.join(",") + endings[random.int(0, 2)];
    }
    if (random.next() < 0.5) text = text.replace(/(\r\n|\r|\n)$/, "");
    const { records, lineBreaks } = splitCsvRecords(text);
    assert.deepEqual(records, strict(text), JSON.stringify(text));
    assert.equal(lineBreaks, countLineBreaks(text));
  }
});

test("streamed in chunks of any size, records and line numbers match the strict parser on the whole text", async () => {
  const text =
    "\uFEFFname,notes,value\r\n" +
    'Café £,"said ""hello""\r\nover two lines",1\n' +
    '"a,b",plain,2\r' +
    'emoji 🌳,"",3\n' +
    "\n" +
    'last,"multi\nline\nvalue",4';
  const file = write("tricky.csv", text);
  const expected = strict(text.slice(1));
  assert.equal(expected.length, 5);
  for (const chunkBytes of [1, 2, 3, 5, 7, 11, 64, 1 << 16]) {
    assert.deepEqual(await collect(file, chunkBytes), expected, `chunks of ${chunkBytes} bytes`);
  }
});

test("a stray quote is reported with its line in the whole file, however it is chunked", async () => {
  const text = 'a,b\n1,2\n3,4\n5,x"y\n6,7\n';
  const file = write("stray.csv", text);
  for (const chunkBytes of [3, 1 << 16]) {
    await assert.rejects(collect(file, chunkBytes), (error: unknown) => {
      assert.ok(error instanceof FileProblem);
      assert.equal(error.problem.line, 4);
      assert.match(error.problem.message, /double quote \(".*\) appears inside a value/);
      return true;
    });
  }
});

test("invalid UTF-8 is found at the right line, even when the bad byte is deep in a later chunk", async () => {
  const good = "area_code,value\n" + Array.from({ length: 2000 }, (_, i) => `E0${i},${i}`).join("\n") + "\n";
  const bytes = Buffer.concat([Buffer.from(good), Buffer.from([0x45, 0x30, 0xe9, 0x2c, 0x31, 0x0a])]);
  const file = write("latin1-late.csv", bytes);
  await assert.rejects(
    (async () => {
      for await (const _ of readTextChunks(file, { chunkBytes: 1000 })) void _;
    })(),
    (error: unknown) => error instanceof FileProblem && error.problem.line === 2002,
  );
});

test("firstInvalidUtf8Byte agrees with the platform's strict decoder", () => {
  const random = createRandom("utf8");
  const strictDecoder = new TextDecoder("utf-8", { fatal: true });
  for (let round = 0; round < 500; round++) {
    const bytes = new Uint8Array(1 + random.int(0, 12));
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = random.next() < 0.5 ? random.int(0x20, 0x7e) : random.int(0x80, 0xff);
    const at = firstInvalidUtf8Byte(bytes);
    let valid = true;
    try {
      strictDecoder.decode(bytes);
    } catch {
      valid = false;
    }
    assert.equal(at === bytes.length, valid, Buffer.from(bytes).toString("hex"));
    if (!valid) {
      // Everything before the reported byte decodes cleanly.
      assert.doesNotThrow(() => strictDecoder.decode(bytes.subarray(0, at)));
    }
  }
  assert.equal(lineAtByte(write("lines.txt", "a\r\nb\rc\nd"), 8), 4);
});

test("headers are matched without regard to case, spacing or a byte-order mark; aliases map", async () => {
  assert.equal(normaliseColumnName("\uFEFF Area Code "), "area_code");
  assert.equal(normaliseColumnName("Lower-CI"), "lower_ci");
  const file = write(
    "assets-header.csv",
    "Name,Category,Latitude,Longitude,Notes\nHall,library,52.6,-0.3,open daily\n",
  );
  const logs = { problems: new ProblemLog(), warnings: new ProblemLog() };
  const table = await openCsvTable(
    file,
    { required: ["name", "category", "lat", "lon"], optional: [], aliases: { latitude: "lat", longitude: "lon" } },
    logs,
  );
  assert.ok(table);
  assert.deepEqual([...table.columns.keys()], ["name", "category", "lat", "lon", "notes"]);
  const rows = [];
  for await (const row of eachRow(table)) rows.push(row);
  assert.deepEqual(rows, [{ fields: ["Hall", "library", "52.6", "-0.3", "open daily"], line: 2 }]);
  assert.equal(logs.problems.total, 0);
  assert.match(logs.warnings.items[0]!.message, /The column "Notes" is not used by this import and was ignored/);
});

test("a repeated header and trailing empty rows from a spreadsheet", async () => {
  const logs = { problems: new ProblemLog(), warnings: new ProblemLog() };
  const repeated = await openCsvTable(
    write("repeat.csv", "a,b,A\n1,2,3\n"),
    { required: ["a"], optional: ["b"] },
    logs,
  );
  assert.equal(repeated, null);
  assert.match(logs.problems.items[0]!.message, /The column "A" appears more than once/);

  const clean = { problems: new ProblemLog(), warnings: new ProblemLog() };
  const table = await openCsvTable(
    write("trailing.csv", "a,b\n1,2\n,\n,\n"),
    { required: ["a", "b"], optional: [] },
    clean,
  );
  assert.ok(table);
  const rows = [];
  for await (const row of eachRow(table)) rows.push(row);
  assert.equal(rows.length, 1);
  assert.equal(clean.problems.total, 0);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { rankAreasByIndicator } from "@/lib/indicators/ranking";

const area = (areaName: string, value: number | null, suppressed = false) => ({
  areaCode: `E05${areaName}`,
  areaName,
  value,
  suppressed,
});

test("ranks lowest value first, ties share a rank, suppressed and missing come last", () => {
  const ranked = rankAreasByIndicator([
    area("C", 30),
    area("A", 10),
    area("S", 5, true),
    area("B", 20),
    area("B2", 20),
    area("M", null),
  ]);
  assert.deepEqual(
    ranked.map((r) => [r.item.areaName, r.rank]),
    [
      ["A", 1],
      ["B", 2],
      ["B2", 2],
      ["C", 4],
      ["M", null],
      ["S", null],
    ],
  );
});

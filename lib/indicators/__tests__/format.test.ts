import { test } from "node:test";
import assert from "node:assert/strict";
import { formatInterval, formatValue } from "@/lib/indicators/format";

test("formats by unit and decimals", () => {
  assert.equal(formatValue(27.345, { unit: "percent", decimals: 1 }), "27.3%");
  assert.equal(formatValue(1234.4, { unit: "per1000", decimals: 0 }), "1,234 per 1,000");
  assert.equal(formatValue(24, { unit: "score", decimals: 2 }), "24.00");
  assert.equal(formatValue(null, { unit: "percent", decimals: 1 }), "–");
  assert.equal(formatInterval(1, 2.5, { unit: "percent", decimals: 1 }), "1.0% to 2.5%");
  assert.equal(formatInterval(null, 2.5, { unit: "percent", decimals: 1 }), null);
});

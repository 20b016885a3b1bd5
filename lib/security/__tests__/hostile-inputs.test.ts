// The hostile corpus against the pure parsers every route uses, and the path and JSON guards.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HOSTILE_CASES,
  HOSTILE_VALUES,
  IMG_ONERROR,
  MALFORMED_SEGMENTS,
  OUT_OF_RANGE_PERIODS,
  REFLECTION_MARKERS,
  SCRIPT_TAG,
} from "@/lib/security/hostile-inputs";
import { rejectedPathReason } from "@/lib/security/request-path";
import {
  isAreaCode,
  isSlug,
  parseAreaParams,
  parseEmbedMapParams,
  parseEmbedTrendParams,
  parseExplorerParams,
  parseIndicatorParams,
  parsePresentParams,
  parseSearchQuery,
  renderPathFor,
  stateFromSegment,
} from "@/lib/url-state";
import { areaCodeParam, formatParam, groupParam, periodParam, slugParam } from "@/lib/api/v1/params";
import { jsonResponse } from "@/lib/api/v1/http";

test("no hostile value is an area code or a slug", () => {
  for (const { name, value } of HOSTILE_VALUES) {
    assert.equal(isAreaCode(value), false, name);
    assert.equal(isSlug(value), false, name);
  }
});

test("pages turn away every hostile value in every parameter (the page answers 404)", () => {
  for (const { name, value } of HOSTILE_VALUES) {
    for (const key of ["indicator", "period", "mode", "classes", "from", "sort"]) {
      assert.equal(parseExplorerParams({ [key]: value }), null, `explorer ${key}: ${name}`);
    }
    for (const key of ["period", "from"]) {
      assert.equal(parseIndicatorParams({ [key]: value }), null, `indicator page ${key}: ${name}`);
    }
    assert.equal(parseAreaParams({ indicator: value }), null, `area page indicator: ${name}`);
    for (const key of ["indicator", "period", "mode", "classes"]) {
      assert.equal(parseEmbedMapParams({ [key]: value }), null, `embedded map ${key}: ${name}`);
    }
    assert.equal(parseEmbedTrendParams({ area: value, indicator: "belonging" }), null, `embedded trend area: ${name}`);
    assert.equal(parseEmbedTrendParams({ area: "E05010807", indicator: value }), null, `embedded trend: ${name}`);
    const deck = { wards: "E05010807", indicators: "belonging" };
    for (const key of ["wards", "indicators", "slide"]) {
      assert.equal(parsePresentParams({ ...deck, [key]: value }), null, `committee mode ${key}: ${name}`);
    }
    // One hostile item spoils a list, wherever it is (an empty item is no item, and is skipped).
    for (const key of ["wards", "indicators"].filter(() => value !== "")) {
      const list = `${deck[key as keyof typeof deck]},${value}`;
      assert.equal(parsePresentParams({ ...deck, [key]: list }), null, `committee mode ${key}: …,${name}`);
    }
    // As a state segment (the cached routes' path), a hostile value is no state at all.
    assert.equal(stateFromSegment(value), null, `segment: ${name}`);
    // proxy.ts never builds a cached route's path from one: the query form is a 404.
    const queries: [string, Record<string, string>][] = [
      ["/embed/map", { indicator: value }],
      ["/embed/trend", { area: value, indicator: "belonging" }],
      ["/embed/trend", { area: "E05010807", indicator: value }],
      ["/present", { ...deck, wards: value }],
      ["/present", { ...deck, indicators: value }],
      ["/present", { ...deck, slide: value }],
    ];
    for (const [pathname, query] of queries) {
      assert.equal(renderPathFor(pathname, new URLSearchParams(query)), "not-found", `${pathname}: ${name}`);
    }
  }
  // The first of repeated values counts, so a hostile second one is never read.
  assert.deepEqual(parseExplorerParams({ indicator: ["belonging", SCRIPT_TAG] }), { indicator: "belonging" });
  assert.equal(parseExplorerParams({ indicator: [SCRIPT_TAG, "belonging"] }), null);
});

test("search takes any text up to 100 characters as text, and refuses longer", () => {
  for (const { name, value } of HOSTILE_VALUES) {
    const parsed = parseSearchQuery({ q: value });
    if (value.length > 100) assert.equal(parsed, null, name);
    else assert.equal(parsed, value.trim(), name);
  }
});

test("API parameters refuse every hostile value (a 400 naming the parameter)", () => {
  const schemas = { areaCodeParam, slugParam, periodParam, groupParam, formatParam };
  for (const { name, value } of HOSTILE_VALUES) {
    for (const [schemaName, schema] of Object.entries(schemas)) {
      assert.equal(schema.safeParse(value).success, false, `${schemaName}: ${name}`);
    }
  }
});

test("out-of-range periods: pages refuse them all; the API accepts only a well-formed year", () => {
  for (const period of OUT_OF_RANGE_PERIODS) {
    // "1066" is well-formed (the API answers an empty list); the rest are not periods at all.
    assert.equal(periodParam.safeParse(period).success, period === "1066", period);
  }
});

test("paths with broken percent-encoding, or hiding '..' or '//' behind %2f, are refused", () => {
  for (const segment of MALFORMED_SEGMENTS) {
    assert.ok(rejectedPathReason(`/areas/${segment}`), segment);
  }
  for (const path of [
    "/areas/..%2F..%2Fetc%2Fpasswd",
    "/areas/E05010807/..%2f..%2fpackage.json",
    "/_next/static/..%2fx",
    "/a/.%2fb",
    "/api/v1/boundaries/x%2f%2fy",
  ]) {
    assert.ok(rejectedPathReason(path), path);
  }
  for (const path of [
    "/",
    "/areas/E05010807",
    "/areas/%3Cscript%3E",
    "/areas/%00",
    "/areas/..%5C..%5Cwin.ini",
    "/_next/static/chunks/%5Bturbopack%5D_browser_dev_hmr-client.js",
    "/search",
    "/areas/x%2f",
    "/areas/%F0%9F%8F%B4",
  ]) {
    assert.equal(rejectedPathReason(path), null, path);
  }
});

test("API JSON never contains markup, and parses back to exactly what was sent", async () => {
  const body = { error: { message: `Unknown parameter ${JSON.stringify(SCRIPT_TAG)}`, parameter: IMG_ONERROR } };
  const response = jsonResponse(body, { status: 400 });
  assert.equal(response.status, 400);
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  const text = await response.text();
  assert.ok(!text.includes("<") && !text.includes(">"), text);
  for (const marker of REFLECTION_MARKERS) assert.ok(!text.includes(marker));
  assert.deepEqual(JSON.parse(text), body);
});

test("the corpus covers every route, each with cases answered 4xx", () => {
  const routes = new Set(HOSTILE_CASES.map((c) => c.route));
  for (const route of [
    "/",
    "/areas/[code]",
    "/indicators/[slug]",
    "/search",
    "/embed/map",
    "/embed/map/[state]",
    "/embed/trend",
    "/embed/trend/[state]",
    "/present",
    "/present/[state]",
    "/api/v1/areas",
    "/api/v1/areas/[code]",
    "/api/v1/indicators",
    "/api/v1/indicators/[slug]",
    "/api/v1/indicators/[slug]/observations",
    "/api/v1/observations",
    "/api/v1/boundaries/[code]",
    "/api/v1/openapi.json",
  ]) {
    assert.ok(routes.has(route), route);
    const statuses = HOSTILE_CASES.filter((c) => c.route === route).flatMap((c) => c.expect);
    assert.ok(
      statuses.some((s) => s >= 400 && s < 500),
      route,
    );
  }
  for (const c of HOSTILE_CASES) {
    assert.ok(
      c.expect.every((s) => s < 500),
      `${c.probe} may not expect a 5xx`,
    );
    assert.ok(c.url.startsWith("/"), c.probe);
  }
});

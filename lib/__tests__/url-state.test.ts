import { test } from "node:test";
import assert from "node:assert/strict";
import { areaHref, explorerHref, isAreaCode, parseAreaParams, parseExplorerParams } from "@/lib/url-state";

test("explorer state round-trips through its link", () => {
  const state = { indicator: "formal-volunteering", period: "2024" };
  const href = explorerHref(state);
  const query = Object.fromEntries(new URL(href, "http://x").searchParams);
  assert.deepEqual(parseExplorerParams(query), state);
  assert.equal(explorerHref({}), "/");
});

test("malformed parameters are rejected, not passed to the database", () => {
  for (const bad of ["../etc/passwd", "a b", "<script>", "x".repeat(200), "DROP TABLE;", "a--b", ""]) {
    assert.equal(parseExplorerParams({ indicator: bad }), null, bad);
  }
  assert.equal(parseExplorerParams({ period: "20245" }), null);
  assert.equal(parseExplorerParams({ period: "2024/2025" }), null);
  assert.deepEqual(parseExplorerParams({ period: "2024/25" }), { period: "2024/25" });
});

test("repeated parameters use the first value; unknown ones are ignored", () => {
  assert.deepEqual(parseExplorerParams({ indicator: ["belonging", "x y"], utm: "z" }), { indicator: "belonging" });
  assert.deepEqual(parseAreaParams({ indicator: "belonging" }), { indicator: "belonging" });
});

test("area codes are ONS GSS codes", () => {
  assert.ok(isAreaCode("E05010805"));
  assert.ok(isAreaCode("E06000031"));
  for (const bad of ["e05010805", "E0501080", "E050108050", "X05010805", "E05010805\u0000", ""]) {
    assert.equal(isAreaCode(bad), false, JSON.stringify(bad));
  }
  assert.equal(areaHref("E05010805", { indicator: "belonging" }), "/areas/E05010805?indicator=belonging");
});

test("the full explorer state round-trips; defaults are left out of links", async () => {
  const { explorerHref: href, parseExplorerParams: parse } = await import("@/lib/url-state");
  const state = {
    indicator: "belonging",
    period: "2023",
    mode: "compare" as const,
    classes: "natural-breaks" as const,
    from: "E05010807",
  };
  const query = Object.fromEntries(new URL(href(state), "http://x").searchParams);
  assert.deepEqual(parse(query), state);
  assert.equal(href({ indicator: "belonging", mode: "value", classes: "quantile" }), "/?indicator=belonging");
  assert.equal(parse({ mode: "satellite" }), null);
  assert.equal(parse({ classes: "jenks" }), null);
  assert.equal(parse({ from: "E05010807'--" }), null);
});

test("search text is trimmed and bounded", async () => {
  const { parseSearchQuery, searchHref } = await import("@/lib/url-state");
  assert.equal(parseSearchQuery({ q: "  park " }), "park");
  assert.equal(parseSearchQuery({}), "");
  assert.equal(parseSearchQuery({ q: "x".repeat(101) }), null);
  assert.equal(searchHref("Orton W"), "/search?q=Orton+W");
});

test("a ward URL with an indicator is rendered by the cached indicator route; its link form round-trips", async () => {
  const { areaRenderPath, areaHref: href } = await import("@/lib/url-state");
  const { DEFAULT_INDICATOR_SLUG } = await import("@/lib/indicators/catalogue");
  const render = (url: string) => {
    const parsed = new URL(url, "http://x");
    return areaRenderPath(parsed.pathname, parsed.searchParams);
  };
  assert.equal(render(href("E05010805", { indicator: "belonging" })), "/areas/E05010805/indicator/belonging");
  // The default indicator, no query and unrelated parameters all use the page generated at build time.
  assert.equal(render(href("E05010805", { indicator: DEFAULT_INDICATOR_SLUG })), "same");
  assert.equal(render("/areas/E05010805"), "same");
  assert.equal(render("/areas/E05010805?utm_source=newsletter"), "same");
  // The first of repeated values counts, as on every page.
  assert.equal(render("/areas/E05010805?indicator=belonging&indicator=x"), "/areas/E05010805/indicator/belonging");
  // Malformed values are a 404, never a path built from them.
  for (const bad of ["../../api", "<script>", "a b", "x".repeat(200), ""]) {
    assert.equal(render(`/areas/E05010805?indicator=${encodeURIComponent(bad)}`), "not-found", bad);
  }
  // Other pages are left alone.
  for (const other of ["/", "/areas", "/areas/E05010805/indicator/belonging", "/indicators/belonging?period=2025"]) {
    assert.equal(render(other), "same", other);
  }
});

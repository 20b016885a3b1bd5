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

test("URLs with query state are rendered by cached routes that take the state as a path segment", async () => {
  const url = await import("@/lib/url-state");
  const { DEFAULT_INDICATOR_SLUG } = await import("@/lib/indicators/catalogue");
  const render = (href: string) => {
    const parsed = new URL(href, "http://x");
    return url.renderPathFor(parsed.pathname, parsed.searchParams);
  };
  const segmentOf = (path: string) => path.split("/").at(-1)!;

  // Ward pages: the indicator becomes a readable segment.
  assert.equal(render(url.areaHref("E05010805", { indicator: "belonging" })), "/areas/E05010805/indicator/belonging");
  assert.equal(render(url.areaHref("E05010805", { indicator: DEFAULT_INDICATOR_SLUG })), "same");
  assert.equal(render("/areas/E05010805"), "same");
  assert.equal(render("/areas/E05010805?utm_source=newsletter"), "same");
  assert.equal(render("/areas/E05010805?indicator=belonging&indicator=x"), "/areas/E05010805/indicator/belonging");

  // The explorer and indicator pages: the whole state, which parses back to what the link said.
  const explorerState = {
    indicator: "belonging",
    period: "2023/24",
    mode: "compare" as const,
    from: "E05010807",
    sort: "name" as const,
  };
  const explorerPath = render(url.explorerHref(explorerState));
  assert.ok(typeof explorerPath === "string" && explorerPath.startsWith("/explore/"), String(explorerPath));
  assert.match(segmentOf(explorerPath), /^[A-Za-z0-9._~-]+$/, "only characters a URL never escapes");
  assert.deepEqual(url.parseExplorerParams(url.stateFromSegment(segmentOf(explorerPath))!), explorerState);
  const indicatorState = { period: "2024", from: "E05010805" };
  const indicatorPath = render(url.indicatorHref("belonging", indicatorState));
  assert.ok(typeof indicatorPath === "string" && indicatorPath.startsWith("/indicators/belonging/view/"));
  assert.deepEqual(url.parseIndicatorParams(url.stateFromSegment(segmentOf(indicatorPath))!), indicatorState);
  // Defaults and unknown parameters use the page generated at build time: one cache entry per view.
  assert.equal(render("/?mode=value&sort=lowest&fbclid=abc"), "same");
  assert.equal(render("/indicators/belonging?utm_source=x"), "same");
  assert.equal(
    render("/?period=2024&indicator=belonging"),
    render("/?indicator=belonging&period=2024"),
    "parameter order does not make a second cache entry",
  );

  // Malformed values are a 404, never a path built from them.
  for (const bad of ["../../api", "<script>", "a b", "x".repeat(200), ""]) {
    const q = encodeURIComponent(bad);
    assert.equal(render(`/areas/E05010805?indicator=${q}`), "not-found", bad);
    assert.equal(render(`/?indicator=${q}`), "not-found", bad);
    assert.equal(render(`/indicators/belonging?period=${q}`), "not-found", bad);
  }
  // A segment that is not a state is no state; other pages are left alone.
  for (const bad of ["", "x", "indicator", "indicator.a~", "a.b~c", "indicator.<x>", "a.b".repeat(120)]) {
    assert.equal(url.stateFromSegment(bad), null, bad);
  }
  for (const other of ["/areas", "/areas/E05010805/indicator/belonging", "/search?q=orton", "/embed/map?indicator=x"]) {
    assert.equal(render(other), "same", other);
  }
});

test("the parameters a page is said to read are exactly those renderPathFor reads for it", async () => {
  const { pageQueryParamNames, renderPathFor } = await import("@/lib/url-state");
  const render = (pathname: string, query: string) => renderPathFor(pathname, new URLSearchParams(query));
  for (const pathname of ["/", "/indicators/belonging", "/areas/E05010805"]) {
    const names = pageQueryParamNames(pathname);
    assert.ok(names && names.length > 0, pathname);
    // A malformed value of a parameter the page reads makes it a 404; of any other, changes nothing.
    for (const name of names) assert.equal(render(pathname, `${name}=%3C%3E`), "not-found", `${pathname} ${name}`);
    for (const other of ["fbclid", "utm_source", "_rsc", "q", "wards"]) {
      assert.equal(render(pathname, `${other}=%3C%3E`), "same", `${pathname} ${other}`);
    }
  }
  for (const other of ["/search", "/present", "/api/v1/areas", "/areas/E05010805/indicator/belonging", "/explore/x"]) {
    assert.equal(pageQueryParamNames(other), null, other);
  }
});

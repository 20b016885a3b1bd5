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
  for (const other of ["/areas", "/areas/E05010805/indicator/belonging", "/search?q=orton", "/embed/map/indicator.x"]) {
    assert.equal(render(other), "same", other);
  }
});

test("the parameters a page is said to read are exactly those renderPathFor reads for it", async () => {
  const { pageQueryParamNames, renderPathFor } = await import("@/lib/url-state");
  const render = (pathname: string, query: string) => renderPathFor(pathname, new URLSearchParams(query));
  // Each page with a valid query of its own, which another parameter must not change.
  const pages: [pathname: string, valid: Record<string, string>][] = [
    ["/", {}],
    ["/indicators/belonging", {}],
    ["/areas/E05010805", {}],
    ["/embed/map", {}],
    ["/embed/trend", { area: "E05010805", indicator: "belonging" }],
    ["/present", { wards: "E05010805", indicators: "belonging" }],
  ];
  for (const [pathname, valid] of pages) {
    const names = pageQueryParamNames(pathname);
    assert.ok(names && names.length > 0, pathname);
    const withValid = (extra: Record<string, string>) => new URLSearchParams({ ...valid, ...extra }).toString();
    // A malformed value of a parameter the page reads makes it a 404; of any other, changes nothing.
    for (const name of names) {
      assert.equal(render(pathname, withValid({ [name]: "<>" })), "not-found", `${pathname} ${name}`);
    }
    for (const other of ["fbclid", "utm_source", "_rsc", "q", "wards", "area"].filter((n) => !names.includes(n))) {
      assert.equal(
        render(pathname, withValid({ [other]: "<>" })),
        render(pathname, withValid({})),
        `${pathname} ${other}`,
      );
    }
  }
  for (const other of [
    "/search",
    "/api/v1/areas",
    "/areas/E05010805/indicator/belonging",
    "/explore/x",
    "/embed/map/x",
  ]) {
    assert.equal(pageQueryParamNames(other), null, other);
  }
  assert.equal(pageQueryParamNames("/constructor"), null, "only the pages' own paths, not object keys");
});

/** The rewritten path for a URL, and the query its state segment parses back to. */
async function rewritten(href: string, segmentMax?: number) {
  const url = await import("@/lib/url-state");
  const parsed = new URL(href, "http://x");
  const path = url.renderPathFor(parsed.pathname, parsed.searchParams);
  const segment = path.split("/").at(-1)!;
  return { path, query: url.stateFromSegment(segment, segmentMax) };
}

test("embedded maps: any view has a cached path, in one canonical form, that parses back to the view", async () => {
  const url = await import("@/lib/url-state");
  const state = {
    indicator: "bad-health",
    period: "2021",
    mode: "compare" as const,
    classes: "equal-interval" as const,
  };
  const { path, query } = await rewritten(url.embedMapHref(state));
  assert.equal(path, "/embed/map/indicator.bad-health~period.2021~mode.compare~classes.equal-interval");
  assert.deepEqual(url.parseEmbedMapParams(query!), state);
  // The default view is the page generated at build time; defaults and the explorer's page-only state add nothing.
  assert.equal(url.embedMapHref({}), "/embed/map");
  for (const same of ["/embed/map", "/embed/map?mode=value&classes=quantile", "/embed/map?from=E05010805&sort=name"]) {
    assert.equal((await rewritten(same)).path, "same", same);
  }
  assert.equal(
    (await rewritten("/embed/map?mode=compare&indicator=belonging&utm_source=x")).path,
    (await rewritten("/embed/map?indicator=belonging&mode=compare")).path,
    "parameter order and tracking parameters do not make a second cache entry",
  );
  for (const bad of [
    "indicator=..%2F..%2Fapi",
    "period=2024%2F2025",
    "mode=satellite",
    "classes=jenks",
    "indicator=",
  ]) {
    assert.equal((await rewritten(`/embed/map?${bad}`)).path, "not-found", bad);
  }
});

test("embedded trends need an area and an indicator; the pair has one cached path", async () => {
  const url = await import("@/lib/url-state");
  const state = { area: "E05010807", indicator: "belonging" };
  assert.equal(url.embedTrendHref(state), "/embed/trend?area=E05010807&indicator=belonging");
  const { path, query } = await rewritten(url.embedTrendHref(state));
  assert.equal(path, "/embed/trend/area.E05010807~indicator.belonging");
  assert.deepEqual(url.parseEmbedTrendParams(query!), state);
  assert.equal((await rewritten("/embed/trend?indicator=belonging&area=E05010807&fbclid=1")).path, path);
  for (const bad of [
    "",
    "area=E05010807",
    "indicator=belonging",
    "area=e05010807&indicator=belonging",
    "area=E05010807&indicator=%3Cscript%3E",
    "utm_source=x",
  ]) {
    assert.equal((await rewritten(`/embed/trend?${bad}`)).path, bad ? "not-found" : "same", bad);
  }
});

test("committee decks keep the chosen order, drop repeats, and are bounded", async () => {
  const url = await import("@/lib/url-state");
  const deck = { wards: ["E05010816", "E05010805"], indicators: ["bad-health", "belonging", "formal-volunteering"] };
  // The user's order is the deck's: slides in the order the indicators were chosen, wards in the order named.
  const { path, query } = await rewritten(url.presentHref({ ...deck, slide: 3 }), url.PRESENT_STATE_SEGMENT_MAX);
  assert.equal(
    path,
    "/present/wards.E05010816~wards.E05010805~indicators.bad-health~indicators.belonging~indicators.formal-volunteering~slide.3",
  );
  assert.deepEqual(url.parsePresentParams(query!), { ...deck, slide: 3 });
  assert.equal(url.presentSlidePath({ ...deck, slide: 3 }), path, "slides link straight to the cached route");
  // The checkbox form repeats parameters; links join them with commas. Both are the same deck, one cache entry.
  const fromForm = await rewritten(
    "/present?wards=E05010816&wards=E05010805&indicators=bad-health&indicators=belonging&indicators=formal-volunteering",
  );
  assert.equal(fromForm.path, (await rewritten(url.presentHref(deck))).path);
  assert.deepEqual(url.parsePresentParams({ wards: ["E05010816", "E05010805"], indicators: "belonging" }), {
    wards: ["E05010816", "E05010805"],
    indicators: ["belonging"],
  });
  // Repeats are dropped (the first place counts); empty items are ignored; slide 1 is the default.
  assert.equal(
    (await rewritten("/present?wards=E05010816,E05010805,E05010816&indicators=belonging,,belonging&slide=1")).path,
    "/present/wards.E05010816~wards.E05010805~indicators.belonging",
  );
  // Without both lists there is no deck: /present shows the form.
  for (const form of ["/present", "/present?wards=E05010816", "/present?indicators=belonging,bad-health&slide=2"]) {
    assert.equal((await rewritten(form)).path, "same", form);
  }

  // Bounded: at most 8 distinct wards and 12 distinct indicators; a slide that the deck has.
  const codes = (n: number) => Array.from({ length: n }, (_, i) => `E050108${String(i).padStart(2, "0")}`);
  const slugs = (n: number) => Array.from({ length: n }, (_, i) => `${"i".repeat(70)}-${i}`);
  const full = url.presentHref({ wards: codes(8), indicators: slugs(12), slide: 12 });
  const fullDeck = await rewritten(full, url.PRESENT_STATE_SEGMENT_MAX);
  assert.deepEqual(url.parsePresentParams(fullDeck.query!), { wards: codes(8), indicators: slugs(12), slide: 12 });
  assert.equal((await rewritten(full)).query, null, "only committee mode's segment may be that long");
  const tooMany = [
    url.presentHref({ wards: codes(9), indicators: ["belonging"] }),
    url.presentHref({ wards: ["E05010805"], indicators: slugs(13) }),
    "/present?wards=E05010805&indicators=belonging,bad-health&slide=3",
  ];
  for (const href of tooMany) assert.equal((await rewritten(href)).path, "not-found", href);
  assert.equal(
    (await rewritten(`/present?wards=${[...codes(8), codes(8)[0]].join(",")}&indicators=belonging`)).path,
    `/present/${codes(8)
      .map((code) => `wards.${code}`)
      .join("~")}~indicators.belonging`,
    "repeats do not count towards the 8 (the text itself is bounded before it is split)",
  );

  // Malformed lists and slides are a 404, never a path built from them.
  for (const bad of [
    "wards=E05010805;DROP&indicators=belonging",
    "wards=E05010805&indicators=belonging.x",
    "wards=E05010805&indicators=belonging~slide.2",
    "wards=,&indicators=belonging",
    "wards=E05010805&indicators=belonging&slide=0",
    "wards=E05010805&indicators=belonging&slide=01",
    "wards=E05010805&indicators=belonging&slide=1e0",
    "wards=E05010805&indicators=belonging&slide=-1",
    `wards=E05010805&indicators=${"a".repeat(2000)}`,
  ]) {
    assert.equal((await rewritten(`/present?${bad}`)).path, "not-found", bad);
  }
  for (const bad of [
    "wards.E05010805~indicators.a_b.c",
    "wards.E05010805~indicators.",
    "wards.E05010805~".repeat(100) + "indicators.belonging",
  ]) {
    assert.equal(url.stateFromSegment(bad, url.PRESENT_STATE_SEGMENT_MAX), null, bad);
  }
  for (const bad of ["wards.E05010805,E05010807~indicators.belonging", "wards.E05010805~indicators.belonging%2Cx"]) {
    assert.equal(url.stateFromSegment(bad, url.PRESENT_STATE_SEGMENT_MAX), null, `${bad}: lists are repeated keys`);
  }
});

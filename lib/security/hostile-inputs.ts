// A corpus of hostile input, and what every route must answer to it. Shared by
// e2e/hostile-input.spec.ts (against the running app) and the unit tests (against the parsers).
// The rule: 400 or 404, or 200 where the input is harmless there (an ignored parameter, search text);
// never a 5xx, and nothing injected comes back unescaped.

export const SCRIPT_TAG = "<script>alert(1)</script>";
export const IMG_ONERROR = '"><img src=x onerror=alert(1)>';

/** If a response body contains one of these, injected markup was echoed back unescaped. */
export const REFLECTION_MARKERS = [SCRIPT_TAG, "onerror=alert(1)>"] as const;

/** If a response body contains one of these, a traversal reached a file it must never serve. */
export const FILE_LEAK_MARKERS = ["root:x:0:0", '"name": "civic-pulse"', "[extensions]", "DATABASE_URL="] as const;

export interface HostileValue {
  name: string;
  value: string;
  /** As a path segment, it decodes to ".." segments: refused with a 400 before routing. */
  traversal?: true;
}

/** Values no code, slug, period or option may accept. Each is sent percent-encoded. */
export const HOSTILE_VALUES: readonly HostileValue[] = [
  { name: "path traversal", value: "../../etc/passwd", traversal: true },
  { name: "path traversal to the app's files", value: "../../../package.json", traversal: true },
  { name: "Windows path traversal", value: "..\\..\\windows\\win.ini" },
  { name: "NUL byte", value: "\0" },
  { name: "code with a NUL byte", value: "E05010807\0" },
  { name: "10 kB code", value: `E${"0".repeat(10_000)}` },
  { name: "SQL injection", value: "' OR 1=1--" },
  { name: "SQL injection after a valid code", value: "E05010807' OR '1'='1" },
  { name: "stacked SQL statement", value: '1; DROP TABLE "Area";--' },
  { name: "script tag", value: SCRIPT_TAG },
  { name: "attribute breakout", value: IMG_ONERROR },
  { name: "CRLF header injection", value: "E05010807\r\nSet-Cookie: evil=1" },
  { name: "full-width digits", value: "E０５０１０８０７" },
  { name: "emoji", value: "🏴‍☠️" },
  { name: "lone percent sign", value: "%" },
  { name: "empty value", value: "" },
];

/** Well-formed but out of range: no data is that old, and no year has five digits. */
export const OUT_OF_RANGE_PERIODS = ["1066", "99999", "2025/99/01", "-2025", "2025.5"] as const;

/** Path segments whose percent-encoding is broken: answered 400 before any route sees them. */
export const MALFORMED_SEGMENTS = ["%ZZ", "%", "%E0%A4%A", "%ff%fe", "%c0%ae%c0%ae"] as const;

/** Valid fixtures of the demo database, to put a hostile value next to. */
export const KNOWN = { ward: "E05010807", localAuthority: "E06000031", indicator: "belonging" } as const;

export interface HostileCase {
  /** The route probed, as in app/. */
  route: string;
  /** What the case tries. */
  probe: string;
  /** Path and query exactly as sent (already percent-encoded). */
  url: string;
  /** The statuses this route may answer. */
  expect: readonly number[];
  /**
   * Send byte for byte (node:http) instead of through a URL parser, which would resolve the dot
   * segments before the server ever saw them.
   */
  raw?: boolean;
}

const enc = encodeURIComponent;
/** An empty segment is another address (/areas/ redirects to /areas), not a value: left out of paths. */
const pathValues = HOSTILE_VALUES.filter((v) => v.value !== "");

const NOT_FOUND = [404] as const;
const BAD_REQUEST = [400] as const;
const OK = [200] as const;
/** Node refuses request lines over 16 kB itself (431) before the app sees them. */
const TOO_LARGE = [400, 413, 414, 431] as const;

/** 8 kB of unknown parameters: under Node's header limit, so the app must deal with it. */
const MANY_PARAMS = Array.from({ length: 700 }, (_, i) => `p${i}=x`).join("&");
/** 40 kB: over Node's header limit. */
const OVERSIZED = "a".repeat(40_000);

function valueCases(
  route: string,
  base: string,
  name: string,
  expect: readonly number[],
  values: readonly HostileValue[] = HOSTILE_VALUES,
): HostileCase[] {
  const join = base.includes("?") ? "&" : "?";
  return values.map((v) => ({
    route,
    probe: `${name}: ${v.name}`,
    url: `${base}${join}${name}=${enc(v.value)}`,
    expect,
  }));
}

function segmentCases(route: string, build: (segment: string) => string, expect: readonly number[]): HostileCase[] {
  return [
    ...pathValues.map((v) => ({
      route,
      probe: `path: ${v.name}`,
      url: build(enc(v.value)),
      expect: v.traversal ? BAD_REQUEST : expect,
    })),
    ...MALFORMED_SEGMENTS.map((s) => ({
      route,
      probe: `path: broken encoding ${s}`,
      url: build(s),
      expect: BAD_REQUEST,
    })),
  ];
}

/** Malformed, hostile and oversized query strings; `junk` is what the route answers to the ones it gets. */
function queryShapeCases(route: string, base: string, answers: { junk: readonly number[] }): HostileCase[] {
  return [
    { route, probe: "query: empty names and values", url: `${base}?&&==`, expect: answers.junk },
    { route, probe: "query: broken percent-encoding", url: `${base}?%ZZ=%ZZ`, expect: answers.junk },
    {
      route,
      probe: "query: unknown parameter carrying markup",
      url: `${base}?${enc(SCRIPT_TAG)}=${enc(IMG_ONERROR)}`,
      expect: answers.junk,
    },
    { route, probe: "query: 8 kB of unknown parameters", url: `${base}?${MANY_PARAMS}`, expect: answers.junk },
    { route, probe: "query: 40 kB, over the server's limit", url: `${base}?x=${OVERSIZED}`, expect: TOO_LARGE },
  ];
}

const explorer = "/";
const area = `/areas/${KNOWN.ward}`;
const indicator = `/indicators/${KNOWN.indicator}`;
const embedMap = "/embed/map";
const embedTrend = "/embed/trend";
const present = "/present";
const indicatorObservations = `/api/v1/indicators/${KNOWN.indicator}/observations`;
const PERIODS: readonly HostileValue[] = OUT_OF_RANGE_PERIODS.map((p) => ({
  name: `out-of-range period ${p}`,
  value: p,
}));

/** Every route, every kind of hostile input. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  // Pages: malformed or unknown state is a 404 (lib/url-state.ts); unknown parameters are ignored.
  ...["indicator", "period", "mode", "classes", "from", "sort"].flatMap((name) =>
    valueCases("/", explorer, name, NOT_FOUND),
  ),
  ...valueCases("/", explorer, "period", NOT_FOUND, PERIODS),
  ...valueCases("/", explorer, "indicator", NOT_FOUND, [{ name: "unknown slug", value: "no-such-indicator" }]),
  ...valueCases("/", explorer, "mode", NOT_FOUND, [{ name: "wrong case", value: "VALUE" }]),
  {
    route: "/",
    probe: "repeated parameter: the first, valid, value counts",
    url: `/?indicator=${KNOWN.indicator}&indicator=${enc(SCRIPT_TAG)}`,
    expect: OK,
  },
  {
    route: "/",
    probe: "repeated parameter: the first, hostile, value counts",
    url: `/?indicator=${enc(SCRIPT_TAG)}&indicator=${KNOWN.indicator}`,
    expect: NOT_FOUND,
  },
  { route: "/", probe: "indicator: broken percent-encoding", url: "/?indicator=%ZZ", expect: NOT_FOUND },
  { route: "/", probe: "query: 12 kB indicator", url: `/?indicator=${"a".repeat(12_000)}`, expect: NOT_FOUND },
  ...queryShapeCases("/", explorer, { junk: OK }),

  ...segmentCases("/areas/[code]", (s) => `/areas/${s}`, NOT_FOUND),
  { route: "/areas/[code]", probe: "path: unknown code", url: "/areas/E99999999", expect: NOT_FOUND },
  {
    route: "/areas/[code]",
    probe: "path: lower-case code",
    url: `/areas/${KNOWN.ward.toLowerCase()}`,
    expect: NOT_FOUND,
  },
  ...valueCases("/areas/[code]", area, "indicator", NOT_FOUND),
  ...queryShapeCases("/areas/[code]", area, { junk: OK }),

  ...segmentCases("/indicators/[slug]", (s) => `/indicators/${s}`, NOT_FOUND),
  { route: "/indicators/[slug]", probe: "path: unknown slug", url: "/indicators/no-such-indicator", expect: NOT_FOUND },
  ...valueCases("/indicators/[slug]", indicator, "period", NOT_FOUND),
  ...valueCases("/indicators/[slug]", indicator, "period", NOT_FOUND, PERIODS),
  ...valueCases("/indicators/[slug]", indicator, "from", NOT_FOUND),
  // The indicator page has no map mode: the parameter is ignored, like any unknown one.
  {
    route: "/indicators/[slug]",
    probe: "ignored parameter: mode",
    url: `${indicator}?mode=${enc(SCRIPT_TAG)}`,
    expect: OK,
  },
  ...queryShapeCases("/indicators/[slug]", indicator, { junk: OK }),

  // Embeds and committee mode: the same rules as the pages; proxy.ts sends valid state to a cached route.
  ...["indicator", "period", "mode", "classes"].flatMap((name) => valueCases("/embed/map", embedMap, name, NOT_FOUND)),
  ...valueCases("/embed/map", embedMap, "indicator", NOT_FOUND, [{ name: "unknown slug", value: "no-such-indicator" }]),
  ...queryShapeCases("/embed/map", embedMap, { junk: OK }),
  ...segmentCases("/embed/map/[state]", (s) => `${embedMap}/${s}`, NOT_FOUND),
  ...valueCases("/embed/trend", `${embedTrend}?indicator=${KNOWN.indicator}`, "area", NOT_FOUND),
  ...valueCases("/embed/trend", `${embedTrend}?area=${KNOWN.ward}`, "indicator", NOT_FOUND),
  {
    route: "/embed/trend",
    probe: "unknown area",
    url: `${embedTrend}?area=E99999999&indicator=belonging`,
    expect: NOT_FOUND,
  },
  // Without its two parameters there is no trend to show.
  ...queryShapeCases("/embed/trend", embedTrend, { junk: NOT_FOUND }),
  ...segmentCases("/embed/trend/[state]", (s) => `${embedTrend}/${s}`, NOT_FOUND),
  ...valueCases("/present", `${present}?indicators=${KNOWN.indicator}`, "wards", NOT_FOUND),
  ...valueCases("/present", `${present}?wards=${KNOWN.ward}`, "indicators", NOT_FOUND),
  ...valueCases("/present", `${present}?wards=${KNOWN.ward}&indicators=${KNOWN.indicator}`, "slide", NOT_FOUND),
  {
    route: "/present",
    probe: "wards: the authority, which is no ward",
    url: `${present}?wards=${KNOWN.localAuthority}&indicators=${KNOWN.indicator}`,
    expect: NOT_FOUND,
  },
  {
    route: "/present",
    probe: "wards: a hostile item in the list",
    url: `${present}?wards=${KNOWN.ward},${enc(SCRIPT_TAG)}&indicators=${KNOWN.indicator}`,
    expect: NOT_FOUND,
  },
  // The form: unknown parameters change nothing.
  ...queryShapeCases("/present", present, { junk: OK }),
  ...segmentCases("/present/[state]", (s) => `${present}/${s}`, NOT_FOUND),

  // Search: whatever is typed is just text, shown escaped; over 100 characters it says so (still 200).
  ...valueCases("/search", "/search", "q", OK),
  { route: "/search", probe: "q: broken percent-encoding", url: "/search?q=%ZZ", expect: OK },
  { route: "/search", probe: "q: repeated", url: `/search?q=${enc(SCRIPT_TAG)}&q=${enc(IMG_ONERROR)}`, expect: OK },
  { route: "/search", probe: "q: 12 kB", url: `/search?q=${"a".repeat(12_000)}`, expect: OK },
  ...queryShapeCases("/search", "/search", { junk: OK }),
  { route: "/search", probe: "path: broken encoding under /search", url: "/search/%ZZ", expect: BAD_REQUEST },

  // The API: bad or unknown parameters are 400s naming the parameter; unknown codes and slugs are 404s.
  ...valueCases("/api/v1/areas", "/api/v1/areas", "type", BAD_REQUEST),
  ...valueCases("/api/v1/areas", "/api/v1/areas", "parent", BAD_REQUEST),
  {
    route: "/api/v1/areas",
    probe: "repeated parameter",
    url: "/api/v1/areas?type=ward&type=ward",
    expect: BAD_REQUEST,
  },
  ...queryShapeCases("/api/v1/areas", "/api/v1/areas", { junk: BAD_REQUEST }),

  ...segmentCases("/api/v1/areas/[code]", (s) => `/api/v1/areas/${s}`, NOT_FOUND),
  { route: "/api/v1/areas/[code]", probe: "path: unknown code", url: "/api/v1/areas/E99999999", expect: NOT_FOUND },
  ...queryShapeCases("/api/v1/areas/[code]", `/api/v1/areas/${KNOWN.ward}`, { junk: BAD_REQUEST }),

  ...queryShapeCases("/api/v1/indicators", "/api/v1/indicators", { junk: BAD_REQUEST }),
  ...valueCases("/api/v1/indicators", "/api/v1/indicators", "slug", BAD_REQUEST),

  ...segmentCases("/api/v1/indicators/[slug]", (s) => `/api/v1/indicators/${s}`, NOT_FOUND),
  {
    route: "/api/v1/indicators/[slug]",
    probe: "path: unknown slug",
    url: "/api/v1/indicators/no-such-indicator",
    expect: NOT_FOUND,
  },
  ...queryShapeCases("/api/v1/indicators/[slug]", `/api/v1/indicators/${KNOWN.indicator}`, { junk: BAD_REQUEST }),

  ...segmentCases("/api/v1/indicators/[slug]/observations", (s) => `/api/v1/indicators/${s}/observations`, NOT_FOUND),
  ...["area", "period", "group", "format"].flatMap((name) =>
    valueCases("/api/v1/indicators/[slug]/observations", indicatorObservations, name, BAD_REQUEST),
  ),
  // A well-formed year with no data is a filter that matches nothing: an empty list, not an error.
  ...valueCases("/api/v1/indicators/[slug]/observations", indicatorObservations, "period", OK, [
    { name: "well-formed period with no data", value: "1066" },
  ]),
  ...valueCases("/api/v1/indicators/[slug]/observations", indicatorObservations, "period", BAD_REQUEST, [
    { name: "five-digit year", value: "99999" },
  ]),
  ...queryShapeCases("/api/v1/indicators/[slug]/observations", indicatorObservations, { junk: BAD_REQUEST }),

  ...["indicator", "area", "period", "group", "format"].flatMap((name) =>
    valueCases("/api/v1/observations", "/api/v1/observations", name, BAD_REQUEST),
  ),
  {
    route: "/api/v1/observations",
    probe: "indicator: unknown slug",
    url: "/api/v1/observations?indicator=no-such-indicator",
    expect: NOT_FOUND,
  },
  {
    route: "/api/v1/observations",
    probe: "area: unknown code",
    url: "/api/v1/observations?area=E99999999",
    expect: NOT_FOUND,
  },
  {
    route: "/api/v1/observations",
    probe: "period: well-formed, no data",
    url: "/api/v1/observations?period=1066",
    expect: OK,
  },
  {
    route: "/api/v1/observations",
    probe: "indicator: broken percent-encoding",
    url: "/api/v1/observations?indicator=%ZZ",
    expect: BAD_REQUEST,
  },
  {
    route: "/api/v1/observations",
    probe: "format: repeated",
    url: "/api/v1/observations?format=csv&format=json",
    expect: BAD_REQUEST,
  },
  ...queryShapeCases("/api/v1/observations", "/api/v1/observations", { junk: BAD_REQUEST }),

  ...segmentCases("/api/v1/boundaries/[code]", (s) => `/api/v1/boundaries/${s}`, NOT_FOUND),
  {
    route: "/api/v1/boundaries/[code]",
    probe: "path: a ward, which has no wards inside",
    url: `/api/v1/boundaries/${KNOWN.ward}`,
    expect: NOT_FOUND,
  },
  // Boundaries and the OpenAPI document take no parameters and ignore any query: the same document comes back.
  ...queryShapeCases("/api/v1/boundaries/[code]", `/api/v1/boundaries/${KNOWN.localAuthority}`, { junk: OK }),
  ...queryShapeCases("/api/v1/openapi.json", "/api/v1/openapi.json", { junk: OK }),

  // Dot segments, sent byte for byte: the server resolves them like any URL (never as a file path),
  // so they land on another route (200), its canonical address (308) or nothing (404).
  ...[
    "/areas/%2e%2e",
    "/indicators/%2e%2e",
    "/areas/../../etc/passwd",
    "/areas/%2e%2e/%2e%2e/%2e%2e/package.json",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/api/v1/areas/%2e%2e",
    "/api/v1/boundaries/%2e%2e/%2e%2e/%2e%2e/package.json",
    "/_next/static/%2e%2e/%2e%2e/package.json",
    "/icon.svg/%2e%2e/%2e%2e/package.json",
  ].map((url) => ({ route: "(dot segments)", probe: `raw path ${url}`, url, expect: [200, 308, 404], raw: true })),
  // Slashes and dots hidden in percent-encoding, which only a traversal would send: refused before routing.
  ...[
    "/areas/E05010807/..%2f..%2f..%2fpackage.json",
    "/_next/static/..%2f..%2f..%2fpackage.json",
    "/api/v1/openapi.json/..%2f..%2f..%2fpackage.json",
    "/api/v1/boundaries/x%2f%2fy",
    "/indicators/.%2f.%2fbelonging",
  ].map((url) => ({ route: "(dot segments)", probe: `encoded traversal ${url}`, url, expect: BAD_REQUEST, raw: true })),
];

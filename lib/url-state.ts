// The one module that owns URL state: which query parameters exist, how they are validated,
// and how links are built. Pages parse with these functions; components link with them.
import { z } from "zod";
import {
  DEFAULT_CLASSIFICATION_METHOD,
  isClassificationMethod,
  type ClassificationMethod,
} from "@/lib/indicators/classify";
import { DEFAULT_INDICATOR_SLUG } from "@/lib/indicators/catalogue";

/** ONS GSS codes: a letter for the nation and eight digits (E05010805, E06000031). */
export const AREA_CODE_PATTERN = /^[EWSNK]\d{8}$/;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PERIOD_PATTERN = /^\d{4}(?:\/\d{2})?$/;

const slug = z.string().max(80).regex(SLUG_PATTERN);
const period = z.string().max(7).regex(PERIOD_PATTERN);
const areaCode = z.string().regex(AREA_CODE_PATTERN);

/** How the map colours wards: by value classes, or by comparison with the benchmark. */
export const MAP_MODES = ["value", "compare"] as const;
export type MapMode = (typeof MAP_MODES)[number];
/** Orders of the table of wards: lowest value first (the default), highest first, or by name. */
export const TABLE_SORTS = ["lowest", "highest", "name"] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

export const explorerParamsSchema = z.object({
  indicator: slug.optional(),
  period: period.optional(),
  mode: z.enum(MAP_MODES).optional(),
  classes: z
    .string()
    .refine(isClassificationMethod)
    .transform((value) => value as ClassificationMethod)
    .optional(),
  /** The ward the user came from, highlighted in the map and ranking. */
  from: areaCode.optional(),
  sort: z.enum(TABLE_SORTS).optional(),
});
export type ExplorerParams = z.infer<typeof explorerParamsSchema>;

export const indicatorParamsSchema = explorerParamsSchema.pick({ period: true, from: true });
export type IndicatorParams = z.infer<typeof indicatorParamsSchema>;

export const areaParamsSchema = z.object({ indicator: slug.optional() });
export type AreaParams = z.infer<typeof areaParamsSchema>;

/** The embedded map: the explorer's map state, without what belongs to the page (highlighted ward, table order). */
export const embedMapParamsSchema = explorerParamsSchema.pick({
  indicator: true,
  period: true,
  mode: true,
  classes: true,
});
export type EmbedMapParams = z.infer<typeof embedMapParamsSchema>;

/** The embedded trend: one area and one indicator, both required. */
export const embedTrendParamsSchema = z.object({ area: areaCode, indicator: slug });
export type EmbedTrendParams = z.infer<typeof embedTrendParamsSchema>;

/** Committee mode: a few wards and indicators, one slide per indicator. */
export const PRESENT_MAX_WARDS = 8;
export const PRESENT_MAX_INDICATORS = 12;
/**
 * A comma-separated list in the user's order (indicators are the slide order, wards the row order on every
 * slide), repeats dropped, 1 to maxItems items. The text is bounded before it is split.
 */
const orderedList = (item: z.ZodString, maxItems: number, maxItemLength: number) =>
  z
    .string()
    .max(maxItems * (maxItemLength + 1))
    .transform((value) => [...new Set(value.split(",").filter(Boolean))])
    .pipe(z.array(item).min(1).max(maxItems));
export const presentParamsSchema = z
  .object({
    wards: orderedList(areaCode, PRESENT_MAX_WARDS, 11).optional(),
    indicators: orderedList(slug, PRESENT_MAX_INDICATORS, 80).optional(),
    /** 1-based; "1" is the default, left out of links. */
    slide: z
      .string()
      .regex(/^[1-9]\d?$/)
      .transform(Number)
      .pipe(z.number().max(PRESENT_MAX_INDICATORS))
      .optional(),
  })
  // One slide per indicator: a slide past the last is no slide.
  .refine((state) => !state.slide || !state.indicators || state.slide <= state.indicators.length);
export type PresentParams = z.infer<typeof presentParamsSchema>;

export const SEARCH_QUERY_MAX = 100;
export const searchParamsSchema = z.object({ q: z.string().max(SEARCH_QUERY_MAX).optional() });

type RawSearchParams = Record<string, string | string[] | undefined>;

/** Only the first value of a repeated parameter counts; unknown parameters are ignored. */
function firstValues(raw: RawSearchParams, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value !== undefined) values[key] = value;
  }
  return values;
}

function parseWith<T extends z.ZodObject>(schema: T, raw: RawSearchParams): z.infer<T> | null {
  const parsed = schema.safeParse(firstValues(raw, Object.keys(schema.shape)));
  return parsed.success ? parsed.data : null;
}

/** Parsed state, or null when a parameter is malformed (the page answers 404). */
export const parseExplorerParams = (raw: RawSearchParams): ExplorerParams | null =>
  parseWith(explorerParamsSchema, raw);
export const parseIndicatorParams = (raw: RawSearchParams): IndicatorParams | null =>
  parseWith(indicatorParamsSchema, raw);
export const parseAreaParams = (raw: RawSearchParams): AreaParams | null => parseWith(areaParamsSchema, raw);
export const parseEmbedMapParams = (raw: RawSearchParams): EmbedMapParams | null =>
  parseWith(embedMapParamsSchema, raw);
export const parseEmbedTrendParams = (raw: RawSearchParams): EmbedTrendParams | null =>
  parseWith(embedTrendParamsSchema, raw);
/** Checkbox forms send repeated parameters (wards=A&wards=B); links send lists (wards=A,B). Both work. */
export const parsePresentParams = (raw: RawSearchParams): PresentParams | null =>
  parseWith(presentParamsSchema, {
    ...raw,
    wards: Array.isArray(raw.wards) ? raw.wards.join(",") : raw.wards,
    indicators: Array.isArray(raw.indicators) ? raw.indicators.join(",") : raw.indicators,
  });

/** The search text, trimmed, or null when it is too long to be a place name. */
export function parseSearchQuery(raw: RawSearchParams): string | null {
  const parsed = parseWith(searchParamsSchema, raw);
  return parsed ? (parsed.q ?? "").trim() : null;
}

/** The query of a request URL in the shape pages receive as searchParams (repeated keys as arrays). */
export function searchParamsRecord(search: URLSearchParams): RawSearchParams {
  const record: RawSearchParams = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return record;
}

const AREA_PAGE_PATH = /^\/areas\/([^/]+)$/;
const INDICATOR_PAGE_PATH = /^\/indicators\/([^/]+)$/;
const EMBED_MAP_PATH = "/embed/map";
const EMBED_TREND_PATH = "/embed/trend";
const PRESENT_PATH = "/present";

const EXPLORER_PARAM_NAMES = Object.keys(explorerParamsSchema.shape);
const INDICATOR_PARAM_NAMES = Object.keys(indicatorParamsSchema.shape);
const AREA_PARAM_NAMES = Object.keys(areaParamsSchema.shape);
/** The pages with a fixed path that take query state, and the parameters each reads. */
const FIXED_PATH_PARAM_NAMES: Record<string, readonly string[]> = {
  "/": EXPLORER_PARAM_NAMES,
  [EMBED_MAP_PATH]: Object.keys(embedMapParamsSchema.shape),
  [EMBED_TREND_PATH]: Object.keys(embedTrendParamsSchema.shape),
  [PRESENT_PATH]: Object.keys(presentParamsSchema.shape),
};

/**
 * The query parameters the page at `pathname` reads (the pages renderPathFor rewrites), or null for any
 * other path. Any other parameter (?fbclid=, ?utm_source=, Next's ?_rsc=) leaves the page as it is, so a
 * cache may key such a page on these alone.
 */
export function pageQueryParamNames(pathname: string): readonly string[] | null {
  if (Object.hasOwn(FIXED_PATH_PARAM_NAMES, pathname)) return FIXED_PATH_PARAM_NAMES[pathname]!;
  if (INDICATOR_PAGE_PATH.test(pathname)) return INDICATOR_PARAM_NAMES;
  if (AREA_PAGE_PATH.test(pathname)) return AREA_PARAM_NAMES;
  return null;
}

// Query state as one path segment of unreserved characters, e.g. "indicator.belonging~period.2023_24":
// every value is a slug, a code, a period, an enum or a number, none of which contains ".", "~" or "_".
// A list is its items in order, each under the key ("wards.E05010805~wards.E05010807"): a comma would be
// sent as "," by some and "%2C" by others, two addresses (and cache entries) for one page.
const STATE_SEGMENT_PATTERN = /^[A-Za-z0-9-]+\.[A-Za-z0-9_-]+(?:~[A-Za-z0-9-]+\.[A-Za-z0-9_-]+)*$/;
/** Longer segments are no state of the explorer, indicator or embed pages: only committee mode has lists. */
const STATE_SEGMENT_MAX = 300;
/** Room for the longest deck: each ward as "~wards." and a code, each indicator as "~indicators." and a slug. */
export const PRESENT_STATE_SEGMENT_MAX = 20 + PRESENT_MAX_WARDS * 16 + PRESENT_MAX_INDICATORS * 92;

function stateSegment(href: string): string {
  return [...new URL(href, "http://x").searchParams]
    .flatMap(([key, value]) => value.split(",").map((item) => `${key}.${item.replaceAll("/", "_")}`))
    .join("~");
}

/** The query a state segment stands for, or null when it is not one (the page answers 404). */
export function stateFromSegment(segment: string, maxLength = STATE_SEGMENT_MAX): RawSearchParams | null {
  if (segment.length > maxLength || !STATE_SEGMENT_PATTERN.test(segment)) return null;
  const query = segment.replaceAll("~", "&").replaceAll(".", "=").replaceAll("_", "/");
  return searchParamsRecord(new URLSearchParams(query));
}

/**
 * Where proxy.ts renders a page URL. Pages are generated once and served from the cache, which a page
 * that reads its query string cannot be, so a URL with query state is rendered by a route that takes the
 * state as a path segment (the address bar keeps the query form, the one links use):
 *   /?indicator=S&period=P   → /explore/indicator.S~period.P
 *   /indicators/S?period=P   → /indicators/S/view/period.P
 *   /areas/C?indicator=S     → /areas/C/indicator/S
 *   /embed/map?indicator=S   → /embed/map/indicator.S
 *   /embed/trend?area=C&indicator=S      → /embed/trend/area.C~indicator.S
 *   /present?wards=C,D&indicators=S,T    → /present/wards.C~wards.D~indicators.S~indicators.T
 * "same" when the URL needs no rewrite (no state, or only defaults and unknown parameters), "not-found"
 * when its query is malformed (as a page parsing it would answer).
 */
export function renderPathFor(pathname: string, search: URLSearchParams): string | "same" | "not-found" {
  if (search.size === 0) return "same";
  const query = searchParamsRecord(search);
  if (pathname === "/") {
    const params = parseExplorerParams(query);
    if (!params) return "not-found";
    const href = explorerHref(params);
    return href === "/" ? "same" : `/explore/${stateSegment(href)}`;
  }
  const slug = INDICATOR_PAGE_PATH.exec(pathname)?.[1];
  if (slug !== undefined) {
    const params = parseIndicatorParams(query);
    if (!params) return "not-found";
    const href = indicatorHref(slug, params);
    return href.includes("?") ? `/indicators/${slug}/view/${stateSegment(href)}` : "same";
  }
  const code = AREA_PAGE_PATH.exec(pathname)?.[1];
  if (code !== undefined) {
    const params = parseAreaParams(query);
    if (!params) return "not-found";
    return params.indicator && params.indicator !== DEFAULT_INDICATOR_SLUG
      ? `/areas/${code}/indicator/${params.indicator}`
      : "same";
  }
  if (pathname === EMBED_MAP_PATH) {
    const params = parseEmbedMapParams(query);
    if (!params) return "not-found";
    const href = embedMapHref(params);
    return href.includes("?") ? `${EMBED_MAP_PATH}/${stateSegment(href)}` : "same";
  }
  if (pathname === EMBED_TREND_PATH) {
    // Both parameters are required: /embed/trend alone is no route, so a 404 too.
    const params = parseEmbedTrendParams(query);
    return params ? `${EMBED_TREND_PATH}/${stateSegment(embedTrendHref(params))}` : "not-found";
  }
  if (pathname === PRESENT_PATH) {
    const params = parsePresentParams(query);
    if (!params) return "not-found";
    // Without both lists there is no deck yet: /present shows the form that chooses them.
    if (!params.wards || !params.indicators) return "same";
    return presentSlidePath({ wards: params.wards, indicators: params.indicators, slide: params.slide });
  }
  return "same";
}

export function isAreaCode(code: string): boolean {
  return AREA_CODE_PATTERN.test(code);
}

export function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG_PATTERN.test(value);
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return query ? `${path}?${query}` : path;
}

/** The map's state as query values, defaults left out (so the canonical URL of the default view is "/"). */
function mapQuery(state: EmbedMapParams) {
  return {
    indicator: state.indicator,
    period: state.period,
    mode: state.mode === "value" ? undefined : state.mode,
    classes: state.classes === DEFAULT_CLASSIFICATION_METHOD ? undefined : state.classes,
  };
}

export function explorerHref(state: ExplorerParams): string {
  return withQuery("/", {
    ...mapQuery(state),
    from: state.from,
    sort: state.sort === "lowest" ? undefined : state.sort,
  });
}

export function indicatorHref(slug: string, state: IndicatorParams = {}): string {
  return withQuery(`/indicators/${slug}`, { period: state.period, from: state.from });
}

export function areaHref(code: string, state: AreaParams = {}): string {
  return withQuery(`/areas/${code}`, { indicator: state.indicator });
}

/** The embed of the explorer's map, its defaults left out as in explorerHref. */
export function embedMapHref(state: EmbedMapParams): string {
  return withQuery(EMBED_MAP_PATH, mapQuery(state));
}

export function embedTrendHref(state: EmbedTrendParams): string {
  return withQuery(EMBED_TREND_PATH, { area: state.area, indicator: state.indicator });
}

export function searchHref(query: string): string {
  return withQuery("/search", { q: query });
}

export function presentHref(state: { wards: string[]; indicators: string[]; slide?: number }): string {
  return withQuery(PRESENT_PATH, {
    wards: state.wards.join(","),
    indicators: state.indicators.join(","),
    slide: state.slide && state.slide > 1 ? String(state.slide) : undefined,
  });
}

/**
 * A slide at its cached route, where proxy.ts renders presentHref's URL. The slides link to each other
 * with it: Next's client router takes /present?… for the form at /present (a static page, so its prefetched
 * copy is reused whatever the query) and showed the form instead of the previous slide.
 */
export function presentSlidePath(state: { wards: string[]; indicators: string[]; slide?: number }): string {
  return `${PRESENT_PATH}/${stateSegment(presentHref(state))}`;
}

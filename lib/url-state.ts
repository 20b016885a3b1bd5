// The one module that owns URL state: which query parameters exist, how they are validated,
// and how links are built. Pages parse with these functions; components link with them.
import { z } from "zod";

/** ONS GSS codes: a letter for the nation and eight digits (E05010805, E06000031). */
export const AREA_CODE_PATTERN = /^[EWSNK]\d{8}$/;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PERIOD_PATTERN = /^\d{4}(?:\/\d{2})?$/;

const slug = z.string().max(80).regex(SLUG_PATTERN);
const period = z.string().max(7).regex(PERIOD_PATTERN);

export const explorerParamsSchema = z.object({
  indicator: slug.optional(),
  period: period.optional(),
});
export type ExplorerParams = z.infer<typeof explorerParamsSchema>;

export const areaParamsSchema = z.object({ indicator: slug.optional() });
export type AreaParams = z.infer<typeof areaParamsSchema>;

type RawSearchParams = Record<string, string | string[] | undefined>;

/** Only the first value of a repeated parameter counts; unknown parameters are ignored. */
function firstValues(raw: RawSearchParams, keys: readonly string[]): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const key of keys) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** Parsed explorer state, or null when a parameter is malformed (the page answers 404). */
export function parseExplorerParams(raw: RawSearchParams): ExplorerParams | null {
  const parsed = explorerParamsSchema.safeParse(firstValues(raw, ["indicator", "period"]));
  return parsed.success ? parsed.data : null;
}

export function parseAreaParams(raw: RawSearchParams): AreaParams | null {
  const parsed = areaParamsSchema.safeParse(firstValues(raw, ["indicator"]));
  return parsed.success ? parsed.data : null;
}

export function isAreaCode(code: string): boolean {
  return AREA_CODE_PATTERN.test(code);
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return query ? `${path}?${query}` : path;
}

export function explorerHref(state: ExplorerParams): string {
  return withQuery("/", { indicator: state.indicator, period: state.period });
}

export function areaHref(code: string, state: AreaParams = {}): string {
  return withQuery(`/areas/${code}`, { indicator: state.indicator });
}

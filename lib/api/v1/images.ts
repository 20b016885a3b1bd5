// GET /api/v1/images/{map|trend}.{svg|png}: the dashboard's map and trend chart as files for
// reports, drawn on the server (no browser). The drawing is pure (lib/images); this module only
// validates parameters, fetches the same data the pages use, and sets the response headers.
import "server-only";
import { z } from "zod";
import { API_CACHE_CONTROL, ApiProblem, jsonResponse, notFound, parseQuery, withEntityTag } from "@/lib/api/v1/http";
import { areaCodeParam, periodParam, slugParam } from "@/lib/api/v1/params";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { getIndicator } from "@/lib/data/indicators";
import { sourcesOfFigures } from "@/lib/data/provenance";
import { getAreaTrendView } from "@/lib/data/trends";
import {
  CLASSIFICATION_METHODS,
  DEFAULT_CLASSIFICATION_METHOD,
  isClassificationMethod,
  type ClassificationMethod,
} from "@/lib/indicators/classify";
import { MAP_MODES } from "@/lib/url-state";
import { mapImageModel, renderMapSvg } from "@/lib/images/map-image";
import { svgToPng } from "@/lib/images/png";
import { renderTrendSvg, trendImageModel } from "@/lib/images/trend-image";

export const IMAGE_CHARTS = ["map.svg", "map.png", "trend.svg", "trend.png"] as const;
export type ImageChart = (typeof IMAGE_CHARTS)[number];

export const IMAGE_LIMITS = {
  width: { min: 320, max: 2400 },
  height: { min: 200, max: 1600 },
} as const;
export const IMAGE_DEFAULTS = {
  map: { width: 1200, height: 800 },
  trend: { width: 1200, height: 600 },
} as const;

/** A size in whole pixels within bounds; "1200px", "12e2" or "1200.5" are 400s, not guesses. */
const pixels = ({ min, max }: { min: number; max: number }, fallback: number) => {
  const message = `must be a whole number of pixels from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,5}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message))
    .default(fallback);
};

/** A parameter that must be given: say so, rather than zod's "expected string, received undefined". */
const required = <T extends z.ZodType<unknown, string>>(schema: T, example: string) =>
  z.string({ error: `is required, e.g. ${example}` }).pipe(schema);

export const mapImageQuery = z.object({
  indicator: required(slugParam, "indicator=formal-volunteering"),
  period: periodParam.optional(),
  mode: z.enum(MAP_MODES).default("value"),
  classes: z
    .string()
    .refine(isClassificationMethod, `must be one of ${CLASSIFICATION_METHODS.map((m) => m.key).join(", ")}`)
    .transform((value) => value as ClassificationMethod)
    .default(DEFAULT_CLASSIFICATION_METHOD),
  width: pixels(IMAGE_LIMITS.width, IMAGE_DEFAULTS.map.width),
  height: pixels(IMAGE_LIMITS.height, IMAGE_DEFAULTS.map.height),
});

export const trendImageQuery = z.object({
  indicator: required(slugParam, "indicator=formal-volunteering"),
  area: required(areaCodeParam, "area=E05010805"),
  width: pixels(IMAGE_LIMITS.width, IMAGE_DEFAULTS.trend.width),
  height: pixels(IMAGE_LIMITS.height, IMAGE_DEFAULTS.trend.height),
});

export interface ImageFile {
  body: string | Uint8Array;
  contentType: "image/svg+xml; charset=utf-8" | "image/png";
  filename: string;
}

export function isImageChart(value: string): value is ImageChart {
  return (IMAGE_CHARTS as readonly string[]).includes(value);
}

/** The image named by the route segment (e.g. "map.png") for the query; ApiProblem for 400/404. */
export async function imageResponse(chart: string, params: URLSearchParams): Promise<ImageFile> {
  if (!isImageChart(chart)) {
    throw notFound(`No image called ${JSON.stringify(chart.slice(0, 40))}. Images: ${IMAGE_CHARTS.join(", ")}.`);
  }
  const [kind, format] = chart.split(".") as ["map" | "trend", "svg" | "png"];
  const { svg, name } = kind === "map" ? await mapSvg(params) : await trendSvg(params);
  return format === "png"
    ? { body: await svgToPng(svg), contentType: "image/png", filename: `${name}.png` }
    : { body: svg, contentType: "image/svg+xml; charset=utf-8", filename: `${name}.svg` };
}

/**
 * Runs an image handler and turns it into a Response, or an API error as JSON. Security headers
 * (for an SVG opened in a tab: a policy that lets it load and run nothing) are set by proxy.ts for
 * every /api/ response, so none are set here.
 */
export async function respondWithImage(request: Request, handler: () => Promise<ImageFile>): Promise<Response> {
  try {
    const image = await handler();
    const response = new Response(image.body as BodyInit, {
      headers: {
        "Content-Type": image.contentType,
        // inline: opens in the browser tab; "Save image as" and Word's "Insert picture" keep the name.
        "Content-Disposition": `inline; filename="${image.filename}"`,
        "Cache-Control": API_CACHE_CONTROL,
      },
    });
    return withEntityTag(request, response);
  } catch (error) {
    if (error instanceof ApiProblem) return jsonResponse(error.toJSON(), { status: error.status });
    throw error;
  }
}

const fileSafe = (value: string) => value.replace(/[^A-Za-z0-9-]+/g, "-");

async function mapSvg(params: URLSearchParams): Promise<{ svg: string; name: string }> {
  const query = parseQuery(mapImageQuery, params);
  const view = await getExplorerView(homeAreaCode(), query.indicator, query.period);
  if (!view) {
    const indicator = await getIndicator(query.indicator);
    throw notFound(
      indicator
        ? `Indicator "${query.indicator}" has no figures${query.period ? ` for ${query.period}` : ""}.`
        : `No indicator has the slug "${query.indicator}".`,
    );
  }
  const sources = creditedSources(view.sources, view.indicator);
  const model = mapImageModel({
    indicator: view.indicator,
    period: view.period,
    parent: view.parent,
    wards: view.wards,
    mode: query.mode,
    method: query.classes,
    sources,
    boundaryAttribution: view.boundaryAttribution,
    width: query.width,
    height: query.height,
  });
  const name = `civic-pulse-map-${view.indicator.slug}-${fileSafe(view.period)}${query.mode === "compare" ? "-compare" : ""}`;
  return { svg: renderMapSvg(model), name };
}

async function trendSvg(params: URLSearchParams): Promise<{ svg: string; name: string }> {
  const query = parseQuery(trendImageQuery, params);
  const trend = await getAreaTrendView(query.area, query.indicator);
  if (trend === "unknown-indicator") throw notFound(`No indicator has the slug "${query.indicator}".`);
  if (trend === "unknown-area") throw notFound(`No area has the code "${query.area}".`);
  if (trend === "no-figures") throw notFound(`No figures for "${query.indicator}" in ${query.area}.`);
  const { indicator, area, benchmark, points } = trend;
  const sources = creditedSources(await sourcesOfFigures(points.flatMap((p) => [p.area, p.benchmark])), indicator);
  const model = trendImageModel({
    indicator,
    area,
    benchmark,
    points,
    sources,
    width: query.width,
    height: query.height,
  });
  return { svg: renderTrendSvg(model), name: `civic-pulse-trend-${indicator.slug}-${area.code}` };
}

/** What an image credits: the sources of the figures drawn (one indicator can span editions), else the indicator's. */
function creditedSources<S>(figureSources: S[], indicator: { source: S }): S[] {
  return figureSources.length ? figureSources : [indicator.source];
}

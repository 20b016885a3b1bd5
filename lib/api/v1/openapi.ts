// The OpenAPI 3.1 document of the open API, built from the same zod schemas the handlers
// validate with, so the document cannot drift from the behaviour.
import { z } from "zod";
import { areasQuery } from "@/lib/api/v1/areas";
import { INEQUALITY_COLUMNS, inequalityQuery } from "@/lib/api/v1/inequality";
import { observationsQuery, TIDY_COLUMNS } from "@/lib/api/v1/observations";
import { areaCodeParam, slugParam } from "@/lib/api/v1/params";

type Schema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Schema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Schema;
  return rest;
}

function queryParameters(object: z.ZodObject, descriptions: Record<string, string>) {
  return Object.entries(object.shape).map(([name, schema]) => ({
    name,
    in: "query",
    required: !(schema as z.ZodType).safeParse(undefined).success,
    description: descriptions[name],
    schema: jsonSchema(schema as z.ZodType),
  }));
}

const pathParameter = (name: string, schema: z.ZodType, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: jsonSchema(schema),
});

const nullable = (type: string) => ({ type: [type, "null"] });

const tidyRowSchema: Schema = {
  type: "object",
  required: [...TIDY_COLUMNS],
  additionalProperties: false,
  properties: {
    area_code: { type: "string" },
    area_name: { type: "string" },
    area_type: { type: "string" },
    indicator: { type: "string" },
    indicator_title: { type: "string" },
    unit: { type: "string", enum: ["percent", "per1000", "score"] },
    period: { type: "string" },
    group: { type: "string" },
    value: nullable("number"),
    lower_ci: nullable("number"),
    upper_ci: nullable("number"),
    numerator: nullable("number"),
    denominator: nullable("number"),
    sample_size: nullable("integer"),
    suppressed: { type: "boolean" },
    synthetic: { type: "boolean", description: "True for illustrative, generated data." },
    source_id: { type: "string" },
    source_title: { type: "string" },
    source_licence: { type: "string" },
  },
};

const areaSchema: Schema = {
  type: "object",
  required: ["code", "name", "type", "parent_code", "population", "successor_code"],
  properties: {
    code: { type: "string" },
    name: { type: "string" },
    type: { type: "string", enum: ["ward", "local_authority", "region", "country"] },
    parent_code: nullable("string"),
    population: nullable("integer"),
    successor_code: { ...nullable("string"), description: "Set when a boundary change replaced this code." },
  },
};

const sourceSchema: Schema = {
  type: "object",
  required: ["id", "title", "publisher", "licence", "attribution"],
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    publisher: { type: "string" },
    licence: { type: "string" },
    attribution: { type: "string" },
  },
};

const indicatorSchema: Schema = {
  type: "object",
  required: ["slug", "title", "domain", "unit", "polarity", "synthetic", "periods", "source", "figure_sources"],
  properties: {
    slug: { type: "string" },
    title: { type: "string" },
    short_title: { type: "string" },
    description: { type: "string" },
    why_it_matters: { type: "string" },
    domain: { type: "string", enum: ["everyday", "participation", "drivers", "assets", "context"] },
    unit: { type: "string", enum: ["percent", "per1000", "score"] },
    unit_label: { type: "string" },
    polarity: { type: "string", enum: ["higher-better", "lower-better", "neither"] },
    decimals: { type: "integer" },
    method: { type: "string" },
    caveats: nullable("string"),
    synthetic: { type: "boolean" },
    periods: { type: "array", items: { type: "string" } },
    source: {
      description: "Where the indicator's definition comes from.",
      allOf: [{ $ref: "#/components/schemas/Source" }],
    },
    figure_sources: {
      type: "array",
      description:
        "The sources of the indicator's figures (a council's import, a publisher's release); each observation row names its own.",
      items: { $ref: "#/components/schemas/Source" },
    },
    links: { type: "object" },
  },
};

const errorSchema: Schema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "code", "message"],
      properties: {
        status: { type: "integer" },
        code: { type: "string", enum: ["invalid_parameter", "unknown_parameter", "not_found"] },
        message: { type: "string" },
        parameter: { type: "string" },
      },
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Schema) => ({ "application/json": { schema } });
const listOf = (item: string) => ({
  type: "object",
  required: ["meta", "data"],
  properties: { meta: { type: "object" }, data: { type: "array", items: ref(item) } },
});
const errors = {
  "400": { description: "A parameter is unknown, repeated or invalid.", content: jsonContent(ref("Error")) },
  "404": { description: "No such area or indicator.", content: jsonContent(ref("Error")) },
};
const observationsResponses = {
  "200": {
    description: "Tidy rows, one per area × indicator × period × group. CSV (UTF-8 with BOM) when format=csv.",
    content: { ...jsonContent(listOf("Observation")), "text/csv": { schema: { type: "string" } } },
  },
  ...errors,
};
const observationDescriptions = {
  indicator: "Only this indicator.",
  area: "Only this area (ONS code).",
  period: "Only this period.",
  group: 'Population group: "all" (default) or e.g. "age:16-34".',
  format: "json (default) or csv.",
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Civic Pulse open data API",
      version: "1.0.0",
      description:
        "Read-only indicators of active citizenship, its drivers and community assets by area. Every row carries its source and licence; rows with synthetic = true are illustrative, generated data. Responses may be cached for up to an hour.",
      // Each source has its own licence (a council's imports name theirs): the API claims none for all data.
      license: { name: "Per source: see each row's source_licence and /api/v1/indicators" },
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/areas": {
        get: {
          summary: "List areas",
          operationId: "listAreas",
          parameters: queryParameters(areasQuery, {
            type: "Only areas of this type.",
            parent: "Only areas inside this area (ONS code).",
          }),
          responses: { "200": { description: "Areas.", content: jsonContent(listOf("Area")) }, "400": errors["400"] },
        },
      },
      "/api/v1/areas/{code}": {
        get: {
          summary: "One area, with its children and links to its data",
          operationId: "getArea",
          parameters: [pathParameter("code", areaCodeParam, "ONS area code, e.g. E05010805.")],
          responses: {
            "200": {
              description: "The area.",
              content: jsonContent({ type: "object", required: ["data"], properties: { data: ref("Area") } }),
            },
            ...errors,
          },
        },
      },
      "/api/v1/indicators": {
        get: {
          summary: "List indicators with their metadata, periods and source",
          operationId: "listIndicators",
          responses: {
            "200": { description: "Indicators.", content: jsonContent(listOf("Indicator")) },
            "400": errors["400"],
          },
        },
      },
      "/api/v1/indicators/{slug}": {
        get: {
          summary: "One indicator's metadata",
          operationId: "getIndicator",
          parameters: [pathParameter("slug", slugParam, "Indicator slug, e.g. formal-volunteering.")],
          responses: {
            "200": {
              description: "The indicator.",
              content: jsonContent({ type: "object", required: ["data"], properties: { data: ref("Indicator") } }),
            },
            ...errors,
          },
        },
      },
      "/api/v1/indicators/{slug}/observations": {
        get: {
          summary: "One indicator's figures",
          operationId: "listIndicatorObservations",
          parameters: [
            pathParameter("slug", slugParam, "Indicator slug."),
            ...queryParameters(observationsQuery.omit({ indicator: true }), observationDescriptions),
          ],
          responses: observationsResponses,
        },
      },
      "/api/v1/indicators/{slug}/inequality": {
        get: {
          summary: "How even an indicator is across wards: range, gap, SII and RII by period",
          operationId: "getIndicatorInequality",
          parameters: [
            pathParameter("slug", slugParam, "Indicator slug."),
            ...queryParameters(inequalityQuery, {
              area: "The local authority whose wards are compared (default: the site's home area).",
              format: "json (default) or csv.",
            }),
          ],
          responses: {
            "200": {
              description:
                "One row per period. SII = fitted value at the least deprived end minus the most deprived end (never sign-flipped: see meta and the indicator's polarity). Intervals are 95%, null where the figures have none.",
              content: {
                ...jsonContent({
                  type: "object",
                  required: ["meta", "data"],
                  properties: { meta: { type: "object" }, data: { type: "array", items: ref("Inequality") } },
                }),
                "text/csv": { schema: { type: "string" } },
              },
            },
            ...errors,
          },
        },
      },
      "/api/v1/observations": {
        get: {
          summary: "Figures for any indicator, area and period (everything when unfiltered)",
          operationId: "listObservations",
          parameters: queryParameters(observationsQuery, observationDescriptions),
          responses: observationsResponses,
        },
      },
      "/api/v1/boundaries/{code}": {
        get: {
          summary: "A local authority's ward boundaries as TopoJSON (object 'areas', ids are ward codes)",
          operationId: "getBoundaries",
          parameters: [pathParameter("code", areaCodeParam, "Local authority code, e.g. E06000031.")],
          responses: {
            "200": {
              description: "TopoJSON topology.",
              content: jsonContent({ type: "object", required: ["type", "objects", "arcs"] }),
            },
            "404": errors["404"],
          },
        },
      },
    },
    components: {
      schemas: {
        Observation: tidyRowSchema,
        Area: areaSchema,
        Indicator: indicatorSchema,
        Source: sourceSchema,
        Error: errorSchema,
        Inequality: {
          type: "object",
          required: [...INEQUALITY_COLUMNS],
          properties: Object.fromEntries(
            INEQUALITY_COLUMNS.map((c) => [
              c,
              ["indicator", "area_code", "period"].includes(c)
                ? { type: "string" }
                : c === "synthetic"
                  ? { type: "boolean" }
                  : c.endsWith("_code")
                    ? nullable("string")
                    : c.startsWith("wards_")
                      ? { type: "integer" }
                      : nullable("number"),
            ]),
          ),
        },
      },
    },
  };
}

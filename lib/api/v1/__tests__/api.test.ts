// The open API against a real seeded SQLite file: documented shapes, errors, CSV = JSON.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { createSeededDatabase } from "@/lib/db/__tests__/seeded-database";
import Ajv2020 from "ajv/dist/2020";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parseCsv } from "@/lib/csv/parse-csv";

type Api = {
  http: typeof import("@/lib/api/v1/http");
  areas: typeof import("@/lib/api/v1/areas");
  indicators: typeof import("@/lib/api/v1/indicators");
  observations: typeof import("@/lib/api/v1/observations");
  openapi: typeof import("@/lib/api/v1/openapi");
  inequality: typeof import("@/lib/api/v1/inequality");
  client: typeof import("@/lib/db/client");
};
let api: Api;

let cleanup: () => Promise<void>;

before(async () => {
  ({ cleanup } = await createSeededDatabase("api"));
  api = {
    http: await import("@/lib/api/v1/http"),
    areas: await import("@/lib/api/v1/areas"),
    indicators: await import("@/lib/api/v1/indicators"),
    observations: await import("@/lib/api/v1/observations"),
    openapi: await import("@/lib/api/v1/openapi"),
    inequality: await import("@/lib/api/v1/inequality"),
    client: await import("@/lib/db/client"),
  };
});

after(() => cleanup?.());

const q = (query: string) => new URLSearchParams(query);

/** Calls a route's handler the way the route does and returns status and body. */
async function call(handler: () => Promise<unknown>, headers: HeadersInit = {}) {
  const response = await api.http.respond(new Request("http://localhost/api/v1/", { headers }), handler as never);
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    type,
    cache: response.headers.get("cache-control"),
    etag: response.headers.get("etag"),
    body: response.status === 304 ? null : type.includes("json") ? await response.json() : await response.text(),
  };
}

test("the OpenAPI document is a valid OpenAPI 3.1 document", async () => {
  const result = await new Validator().validate(api.openapi.openApiDocument() as never);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
});

test("every documented route answers as documented", async () => {
  const doc = api.openapi.openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = (schema: object, body: unknown) => {
    const check = ajv.compile({ ...schema, components: doc.components });
    assert.ok(check(body), JSON.stringify(check.errors?.slice(0, 3)));
  };
  const calls: Record<string, () => Promise<unknown>> = {
    "/api/v1/areas": () => api.areas.areasResponse(q("type=ward&parent=E06000031")),
    "/api/v1/areas/{code}": () => api.areas.areaResponse("E05010805", q("")),
    "/api/v1/indicators": () => api.indicators.indicatorsResponse(q("")),
    "/api/v1/indicators/{slug}": () => api.indicators.indicatorResponse("belonging", q("")),
    "/api/v1/indicators/{slug}/observations": () =>
      api.observations.observationsResponse(q("period=2025"), { indicator: "belonging" }),
    "/api/v1/observations": () => api.observations.observationsResponse(q("area=E05010805")),
    "/api/v1/indicators/{slug}/inequality": () => api.inequality.inequalityResponse("formal-volunteering", q("")),
  };
  for (const [route, handler] of Object.entries(calls)) {
    const documented = (
      doc.paths as Record<
        string,
        { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }
      >
    )[route];
    assert.ok(documented, `${route} is documented`);
    const result = await call(handler);
    assert.equal(result.status, 200, route);
    assert.match(result.type, /application\/json/, route);
    assert.match(result.cache ?? "", /s-maxage/, route);
    validate(documented.get.responses["200"]!.content!["application/json"]!.schema, result.body);
  }
  // Every documented path (bar boundaries, tested end to end) was called.
  assert.deepEqual(
    Object.keys(doc.paths)
      .filter((p) => !p.includes("boundaries"))
      .sort(),
    Object.keys(calls).sort(),
  );
});

test("a bad parameter is a 400 naming it; an unknown code or slug is a 404", async () => {
  const errorSchema = api.openapi.openApiDocument().components.schemas.Error;
  const ajv = new Ajv2020({ strict: false });
  const cases: [() => Promise<unknown>, number, string?][] = [
    [() => api.areas.areasResponse(q("type=planet")), 400, "type"],
    [() => api.areas.areasResponse(q("parent=../../etc")), 400, "parent"],
    [() => api.areas.areasResponse(q("colour=red")), 400, "colour"],
    [() => api.observations.observationsResponse(q("period=20255")), 400, "period"],
    [() => api.observations.observationsResponse(q("format=xlsx")), 400, "format"],
    [() => api.observations.observationsResponse(q("area=E05010805&area=E05010806")), 400, "area"],
    [() => api.observations.observationsResponse(q("indicator=<script>")), 400, "indicator"],
    [() => api.observations.observationsResponse(q("indicator=no-such-thing")), 404],
    [() => api.observations.observationsResponse(q("area=E05999999")), 404],
    [() => api.areas.areaResponse("E05999999", q("")), 404],
    [() => api.areas.areaResponse("not a code", q("")), 404],
    [() => api.indicators.indicatorResponse("no-such-thing", q("")), 404],
  ];
  for (const [handler, status, parameter] of cases) {
    const result = await call(handler);
    assert.equal(result.status, status, JSON.stringify(result.body));
    assert.ok(ajv.validate(errorSchema, result.body));
    const error = (result.body as { error: { message: string; parameter?: string } }).error;
    assert.ok(error.message.length > 10);
    if (parameter) assert.equal(error.parameter, parameter);
  }
});

test("the CSV download has the same rows and values as the JSON", async () => {
  const json = (await api.observations.observationsResponse(q("area=E05010807"))) as {
    json: { data: Record<string, unknown>[]; meta: { synthetic_rows: number } };
  };
  const csv = (await api.observations.observationsResponse(q("area=E05010807&format=csv"))) as {
    csv: string;
    filename: string;
  };
  assert.equal(csv.filename, "civic-pulse-E05010807.csv");
  const rows = parseCsv(csv.csv);
  assert.equal(rows.length, json.json.data.length);
  assert.ok(json.json.meta.synthetic_rows > 0);
  rows.forEach((row, i) => {
    const expected = json.json.data[i]!;
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(row[key], value === null ? "" : String(value), `${i} ${key}`);
    }
  });
});

test("observations default to whole-population rows; a group can be asked for", async () => {
  const all = (await api.observations.observationsResponse(q("area=E05010807&period=2025"), {
    indicator: "belonging",
  })) as {
    json: { data: { group: string }[] };
  };
  assert.deepEqual(
    all.json.data.map((r) => r.group),
    ["all"],
  );
  const young = (await api.observations.observationsResponse(q("area=E05010807&period=2025&group=age:16-34"), {
    indicator: "belonging",
  })) as { json: { data: { group: string }[] } };
  assert.deepEqual(
    young.json.data.map((r) => r.group),
    ["age:16-34"],
  );
});

test("an indicator names the sources of its figures, as its observation rows do, apart from its definition's", async () => {
  type Body = { json: { data: { source: { id: string }; figure_sources: { id: string }[] } } };
  const list = (await api.indicators.indicatorsResponse(q(""))) as unknown as {
    json: { data: { slug: string; figure_sources: { id: string }[] }[] };
  };
  for (const slug of ["belonging", "unpaid-carers", "community-spaces"]) {
    const one = (await api.indicators.indicatorResponse(slug, q(""))) as unknown as Body;
    const rows = (await api.observations.observationsResponse(q(""), { indicator: slug })) as {
      json: { data: { source_id: string }[] };
    };
    const fromRows = [...new Set(rows.json.data.map((r) => r.source_id))].sort();
    assert.ok(fromRows.length > 0, slug);
    assert.deepEqual(
      one.json.data.figure_sources.map((s) => s.id),
      fromRows,
      slug,
    );
    assert.deepEqual(
      list.json.data.find((i) => i.slug === slug)!.figure_sources.map((s) => s.id),
      fromRows,
      slug,
    );
  }
});

test("the inequality endpoint has one row per period, and its CSV twin the same figures", async () => {
  const json = (await api.inequality.inequalityResponse("formal-volunteering", q(""))) as {
    json: { meta: { synthetic: boolean }; data: Record<string, unknown>[] };
  };
  assert.deepEqual(
    json.json.data.map((r) => r.period),
    ["2021", "2022", "2023", "2024", "2025"],
  );
  assert.equal(json.json.meta.synthetic, true);
  for (const row of json.json.data) {
    assert.equal((row.wards_used as number) + (row.wards_suppressed as number), 22);
    assert.ok((row.sii_lower as number) <= (row.sii as number) && (row.sii as number) <= (row.sii_upper as number));
  }
  const csv = (await api.inequality.inequalityResponse("formal-volunteering", q("format=csv"))) as { csv: string };
  const rows = parseCsv(csv.csv);
  rows.forEach((row, i) => assert.equal(row.sii, String(json.json.data[i]!.sii)));
  const census = (await api.inequality.inequalityResponse("bad-health", q(""))) as {
    json: { data: Record<string, unknown>[] };
  };
  assert.equal(census.json.data.length, 1);
  assert.equal(census.json.data[0]!.sii_lower, null, "census figures have no interval to simulate from");
  const missing = await call(() => api.inequality.inequalityResponse("nope", q("")));
  assert.equal(missing.status, 404);
});

test("downloads carry an ETag of their bytes; a client holding them gets 304 with no body", async () => {
  const download = () => api.observations.observationsResponse(q("area=E05010807&format=csv"));
  const first = await call(download);
  assert.equal(first.status, 200);
  assert.match(first.etag ?? "", /^"[A-Za-z0-9_-]{27}"$/);
  // The tag is of the exact bytes, computed independently here.
  const { csv } = (await download()) as { csv: string };
  const bytes = new TextEncoder().encode(csv);
  const expected = `"${crypto.createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  assert.equal(first.etag, expected);
  assert.equal((await call(download)).etag, first.etag, "the same data gives the same tag");

  for (const ifNoneMatch of [first.etag!, `W/${first.etag}`, `"other", ${first.etag}`, "*"]) {
    const again = await call(download, { "If-None-Match": ifNoneMatch });
    assert.equal(again.status, 304, ifNoneMatch);
    assert.equal(again.body, null);
    assert.equal(again.etag, first.etag);
    assert.ok(again.cache?.includes("s-maxage"), "a 304 keeps the caching rules");
  }
  const changed = await call(download, { "If-None-Match": '"an-older-tag"' });
  assert.equal(changed.status, 200);

  // Another download has another tag; JSON is tagged too; errors are not.
  const json = await call(() => api.observations.observationsResponse(q("area=E05010807")));
  assert.ok(json.etag && json.etag !== first.etag);
  const missing = await call(() => api.inequality.inequalityResponse("nope", q("")));
  assert.equal(missing.status, 404);
  assert.equal(missing.etag, null);
});

// Shared HTTP behaviour of the open API: errors, caching, and parameter validation.
import crypto from "node:crypto";
import { z } from "zod";

/** Data changes only when an import lands: let browsers keep it briefly and caches longer. */
export const API_CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

export interface ApiError {
  error: {
    status: number;
    code: "invalid_parameter" | "unknown_parameter" | "not_found";
    message: string;
    parameter?: string;
  };
}

export class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: ApiError["error"]["code"],
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
  toJSON(): ApiError {
    return { error: { status: this.status, code: this.code, message: this.message, parameter: this.parameter } };
  }
}

export const notFound = (message: string) => new ApiProblem(404, "not_found", message);

/** Echo at most this much of a bad value back in a message, escaped by JSON. */
const quote = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/**
 * Validates query parameters against a zod object: unknown names and bad values are 400s that name
 * the parameter. Repeated parameters are rejected rather than guessed at.
 */
export function parseQuery<T extends z.ZodObject>(schema: T, params: URLSearchParams): z.infer<T> {
  const known = new Set(Object.keys(schema.shape));
  const raw: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    if (!known.has(name)) {
      throw new ApiProblem(
        400,
        "unknown_parameter",
        `Unknown parameter ${quote(name)}. Allowed: ${[...known].join(", ") || "none"}.`,
        name,
      );
    }
    const values = params.getAll(name);
    if (values.length > 1) throw new ApiProblem(400, "invalid_parameter", `Give ${quote(name)} only once.`, name);
    raw[name] = values[0]!;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "");
    throw new ApiProblem(400, "invalid_parameter", `Invalid ${quote(name)}: ${issue.message}`, name);
  }
  return parsed.data;
}

/**
 * A JSON response whose text never contains "<" or ">": they are written as \u003c and \u003e, the same
 * string to any JSON parser (Go's encoder does this by default). Error messages quote bad parameters
 * back, and a quoted "<script>" must not reach a browser as markup, whatever the content type.
 */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body).replace(/[<>]/g, (c) => (c === "<" ? "\\u003c" : "\\u003e"));
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  return new Response(text, { ...init, headers });
}

/** A strong validator of the exact bytes: the same data gives the same tag on every server. */
export function entityTag(body: Uint8Array): string {
  return `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Does If-None-Match name this tag (or "*")? Weak comparison, as RFC 9110 asks for GET. */
function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  const strip = (value: string) => value.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim() === "*" || strip(candidate) === strip(tag));
}

/**
 * A successful download with an ETag; 304 Not Modified, with no body, when the client (or a CDN
 * revalidating) already holds these bytes. Large exports are re-fetched only when an import changed them.
 */
export async function withEntityTag(request: Request, response: Response): Promise<Response> {
  if (response.status !== 200) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const tag = entityTag(body);
  const headers = new Headers(response.headers);
  headers.set("ETag", tag);
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), tag)) {
    for (const name of ["Content-Type", "Content-Length", "Content-Disposition"]) headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/** Runs a handler and turns it into a Response: JSON or CSV, with cache headers and an ETag, or an error. */
export async function respond(
  request: Request,
  handler: () => Promise<{ json: unknown } | { csv: string; filename: string }>,
): Promise<Response> {
  try {
    const result = await handler();
    if ("csv" in result) {
      const csv = new Response(result.csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${result.filename}"`,
          "Cache-Control": API_CACHE_CONTROL,
        },
      });
      return withEntityTag(request, csv);
    }
    return withEntityTag(request, jsonResponse(result.json, { headers: { "Cache-Control": API_CACHE_CONTROL } }));
  } catch (error) {
    if (error instanceof ApiProblem) return jsonResponse(error.toJSON(), { status: error.status });
    throw error;
  }
}

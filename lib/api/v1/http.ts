// Shared HTTP behaviour of the open API: errors, caching, and parameter validation.
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

/** Runs a handler and turns it into a Response: JSON or CSV, with cache headers, or an error. */
export async function respond(
  handler: () => Promise<{ json: unknown } | { csv: string; filename: string }>,
): Promise<Response> {
  try {
    const result = await handler();
    if ("csv" in result) {
      return new Response(result.csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${result.filename}"`,
          "Cache-Control": API_CACHE_CONTROL,
        },
      });
    }
    return Response.json(result.json, { headers: { "Cache-Control": API_CACHE_CONTROL } });
  } catch (error) {
    if (error instanceof ApiProblem) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
}

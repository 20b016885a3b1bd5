// GET /api/v1/areas and /api/v1/areas/{code}.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound, parseQuery } from "@/lib/api/v1/http";
import { areaCodeParam, areaTypeParam } from "@/lib/api/v1/params";

export const areasQuery = z.object({ type: areaTypeParam.optional(), parent: areaCodeParam.optional() });

const areaFields = {
  code: true,
  name: true,
  type: true,
  parentCode: true,
  population: true,
  successorCode: true,
} as const;

export async function areasResponse(params: URLSearchParams) {
  const query = parseQuery(areasQuery, params);
  const areas = await db.area.findMany({
    where: { type: query.type, parentCode: query.parent },
    select: areaFields,
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
  return { json: { meta: { count: areas.length }, data: areas.map(areaJson) } };
}

export async function areaResponse(code: string, params: URLSearchParams) {
  parseQuery(z.object({}), params);
  if (!areaCodeParam.safeParse(code).success) throw notFound(`No area has the code "${code.slice(0, 20)}".`);
  const area = await db.area.findUnique({
    where: { code },
    select: { ...areaFields, children: { select: { code: true, name: true }, orderBy: { name: "asc" } } },
  });
  if (!area) throw notFound(`No area has the code "${code}".`);
  const { children, ...rest } = area;
  return {
    json: {
      data: {
        ...areaJson(rest),
        children,
        links: {
          observations: `/api/v1/observations?area=${code}`,
          csv: `/api/v1/observations?area=${code}&format=csv`,
          page: rest.type === "ward" ? `/areas/${code}` : undefined,
        },
      },
    },
  };
}

function areaJson(area: {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  population: number | null;
  successorCode: string | null;
}) {
  return {
    code: area.code,
    name: area.name,
    type: area.type,
    parent_code: area.parentCode,
    population: area.population,
    successor_code: area.successorCode,
  };
}

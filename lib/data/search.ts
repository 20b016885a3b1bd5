// Finding a ward by (part of) its name or its code.
import "server-only";
import { db, dbProvider } from "@/lib/db/client";
import { containsIgnoringCase, isComparableText } from "@/lib/db/engine-sql";
import type { AreaCode } from "@/lib/domain/types";

export interface AreaMatch {
  code: AreaCode;
  name: string;
  parentName: string | null;
}

/** UK postcodes (e.g. "PE1 1AB"): recognised so the page can say what it can and cannot do with them. */
export const POSTCODE_PATTERN = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

/**
 * Wards whose name contains every word typed (any order, any case), or whose code is the text.
 * Names that start with the text come first.
 */
export async function searchWards(query: string, limit = 20): Promise<AreaMatch[]> {
  // Letters, digits, apostrophes and hyphens only: place names need nothing else, and SQL LIKE
  // wildcards (% and _) must not reach the query.
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean)
    .slice(0, 5);
  if (words.length === 0) return [];
  const rows = await db.area.findMany({
    where: {
      type: "ward",
      OR: [
        // A NUL byte can match no stored code, and PostgreSQL would refuse the comparison outright.
        ...(isComparableText(query) ? [{ code: query.toUpperCase() }] : []),
        { AND: words.map((word) => ({ name: containsIgnoringCase(word, dbProvider) })) },
      ],
    },
    select: { code: true, name: true, parent: { select: { name: true } } },
    orderBy: { name: "asc" },
    take: 200,
  });
  const text = query.toLowerCase();
  return rows
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(text)) - Number(!b.name.toLowerCase().startsWith(text)))
    .slice(0, limit)
    .map((row) => ({ code: row.code, name: row.name, parentName: row.parent?.name ?? null }));
}

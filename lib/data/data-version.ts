// A fingerprint of the data the site shows, which changes whenever data lands: a new or edited
// source, or an import. Read from the small Source and ImportBatch tables only (counting millions
// of observations on every call was slow), and deterministic for the demo seed (a reseed of the same
// data gives the same fingerprint, so a fresh test database does not force a rebuild).
// Used to key in-process caches and, by scripts/start.ts, to tell whether the pages generated at build
// time still match the database.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";

export async function readDataVersion(db: Db): Promise<string> {
  const [sources, batches] = await Promise.all([
    // Everything but importedAt, which a reseed of identical data would change.
    db.source.findMany({
      orderBy: { id: "asc" },
      select: { id: true, title: true, licence: true, fileSha256: true, vintage: true, synthetic: true, notes: true },
    }),
    db.importBatch.findMany({
      orderBy: { id: "asc" },
      select: { id: true, sourceId: true, inputSha256: true, finishedAt: true },
    }),
  ]);
  return crypto.createHash("sha256").update(JSON.stringify({ sources, batches })).digest("hex").slice(0, 16);
}

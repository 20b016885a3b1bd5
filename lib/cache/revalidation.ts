// Pages are generated once and served from Next's cache (and a CDN's); an import makes them stale.
// The import CLI asks each running dashboard to regenerate them, through POST /api/revalidate,
// authorised by a shared token: CIVIC_PULSE_REVALIDATE_TOKEN, or for a single server the token
// that npm start writes to var/revalidate-token the first time it runs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Env = Record<string, string | undefined>;

export const REVALIDATE_TOKEN_FILE = "var/revalidate-token";
export const REVALIDATE_PATH = "/api/revalidate";

const tokenFile = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), REVALIDATE_TOKEN_FILE);

/** The shared token, or null when neither the setting nor the file exists (revalidation is then off). */
export function revalidationToken(env: Env = process.env): string | null {
  const fromEnv = env.CIVIC_PULSE_REVALIDATE_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  try {
    return fs.readFileSync(tokenFile(), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** npm start: make sure a token exists, readable only by this user, so imports can reach the server. */
export function ensureRevalidationToken(env: Env = process.env): string {
  const existing = revalidationToken(env);
  if (existing) return existing;
  const token = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(tokenFile()), { recursive: true });
  fs.writeFileSync(tokenFile(), token + "\n", { mode: 0o600 });
  return token;
}

/** Compares in constant time, so the token cannot be guessed a character at a time from response times. */
export function isAuthorised(authorization: string | null, token: string | null): boolean {
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const given = crypto.createHash("sha256").update(authorization.slice("Bearer ".length)).digest();
  const expected = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(given, expected);
}

/** The dashboards to tell: CIVIC_PULSE_URL (comma-separated for several instances), else this machine's PORT. */
export function dashboardUrls(env: Env = process.env): string[] {
  const listed = (env.CIVIC_PULSE_URL ?? "")
    .split(",")
    .map((url) => url.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  return listed.length ? listed : [`http://127.0.0.1:${env.PORT ?? "3000"}`];
}

export type RevalidationResult = { url: string; ok: true } | { url: string; ok: false; reason: string };

/**
 * Asks every dashboard to regenerate its pages. Never throws: the import has already landed, and a
 * dashboard that is not running regenerates nothing it needs to (npm start notices changed data itself).
 */
export async function requestRevalidation(
  env: Env = process.env,
  fetchImpl: typeof fetch = fetch,
): Promise<RevalidationResult[]> {
  const token = revalidationToken(env);
  return Promise.all(
    dashboardUrls(env).map(async (url): Promise<RevalidationResult> => {
      if (!token) return { url, ok: false, reason: `no token (set CIVIC_PULSE_REVALIDATE_TOKEN)` };
      try {
        const response = await fetchImpl(url + REVALIDATE_PATH, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(10_000),
        });
        return response.ok ? { url, ok: true } : { url, ok: false, reason: `answered ${response.status}` };
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        return { url, ok: false, reason: cause === "ECONNREFUSED" ? "not running" : String(error) };
      }
    }),
  );
}

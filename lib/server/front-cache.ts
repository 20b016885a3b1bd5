// A small caching front for `next start`, as nginx's proxy_cache or a CDN would be: pages and API
// responses that Next marks as shareable (Cache-Control: s-maxage) are kept in memory and answered
// without reaching Next again, until their s-maxage passes or an import revalidates (POST
// /api/revalidate clears it). Next's own page cache already spares the database; this spares Next's
// per-request work (routing, proxy.ts, reading the cache), which was most of the cost of a cached ward
// page (npm run bench:load). Everything else is passed through untouched and streamed.
import http from "node:http";
import zlib from "node:zlib";
import { REVALIDATE_PATH } from "@/lib/cache/revalidation";

/** Request headers a cached response may vary on (Next's Vary list for pages, plus how the client connected). */
const KEY_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "accept-encoding",
  "x-forwarded-proto",
] as const;

export interface CachedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  storedAt: number;
  expiresAt: number;
}

/** The shared-cache lifetime a response allows, in seconds, or null when a shared cache must not keep it. */
export function sharedMaxAge(headers: http.IncomingHttpHeaders): number | null {
  const cacheControl = String(headers["cache-control"] ?? "").toLowerCase();
  if (/\b(private|no-store|no-cache)\b/.test(cacheControl) || headers["set-cookie"]) return null;
  const seconds = Number(/\bs-maxage=(\d+)/.exec(cacheControl)?.[1]);
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  // A response varying on a request header the key does not hold cannot be shared safely.
  const vary = String(headers.vary ?? "")
    .toLowerCase()
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (vary.some((name) => name === "*" || !(KEY_HEADERS as readonly string[]).includes(name))) return null;
  return seconds;
}

/** Only plain GETs are answered from the cache: no credentials, no conditional or range requests. */
export function cacheKey(request: http.IncomingMessage): string | null {
  const h = request.headers;
  if (request.method !== "GET" || h.authorization || h.cookie || h.range || h["if-none-match"]) return null;
  return [request.url, ...KEY_HEADERS.map((name) => `${name}:${String(h[name] ?? "")}`)].join("\n");
}

/** Least recently used entries go first once the bytes held pass the limit. */
export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    if (entry.body.length > this.maxBytes / 8) return; // one huge export must not empty the cache
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.body.length;
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

// Hop-by-hop headers belong to one connection and are not stored or forwarded.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"]);

function storableHeaders(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

/** A body in the encoding Next sent it with, or null when the encoding is one this server cannot rewrite. */
const DECODERS: Record<string, (body: Buffer) => Buffer> = {
  identity: (body) => body,
  gzip: (body) => zlib.gunzipSync(body),
  br: (body) => zlib.brotliDecompressSync(body),
  deflate: (body) => zlib.inflateSync(body),
};
const ENCODERS: Record<string, (body: Buffer) => Buffer> = {
  identity: (body) => body,
  gzip: (body) => zlib.gzipSync(body),
  br: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
  deflate: (body) => zlib.deflateSync(body),
};

/**
 * An HTML body rewritten, in the same content encoding, or null when the rewrite changed nothing or
 * the encoding is unknown (the body is then sent as Next wrote it).
 */
export function rewriteEncodedHtml(
  body: Buffer,
  contentEncoding: string | undefined,
  rewrite: (html: string) => string,
): Buffer | null {
  const encoding = (contentEncoding ?? "identity").trim().toLowerCase() || "identity";
  const decode = DECODERS[encoding];
  const encode = ENCODERS[encoding];
  if (!decode || !encode) return null;
  const html = decode(body).toString("utf8");
  const rewritten = rewrite(html);
  return rewritten === html ? null : encode(Buffer.from(rewritten, "utf8"));
}

const isHtml = (headers: http.IncomingHttpHeaders) =>
  String(headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("text/html");

export interface FrontServerOptions {
  /** Where `next start` listens (loopback). */
  upstreamPort: number;
  maxBytes?: number;
  now?: () => number;
  /**
   * Applied to each HTML page before it is sent and kept (npm start passes deferPageScripts). Only pages
   * the cache keeps are rewritten: they are read whole anyway, and rewritten once per cache fill.
   */
  rewriteHtml?: (html: string) => string;
}

/** The front server: answers from the cache, or forwards to Next and keeps what may be kept. */
export function createFrontServer({
  upstreamPort,
  maxBytes = 256 * 1024 * 1024,
  now = Date.now,
  rewriteHtml,
}: FrontServerOptions) {
  const cache = new ResponseCache(maxBytes, now);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const server = http.createServer((request, response) => {
    const key = cacheKey(request);
    const hit = key ? cache.get(key) : undefined;
    if (hit) {
      response.writeHead(hit.status, {
        ...hit.headers,
        age: String(Math.floor((now() - hit.storedAt) / 1000)),
        "x-cache": "HIT",
        "content-length": String(hit.body.length),
      });
      response.end(hit.body);
      return;
    }

    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: upstreamPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (upstreamResponse) => {
        const status = upstreamResponse.statusCode ?? 502;
        // A page Next serves stale while it regenerates it is not kept: the next request gets the new one.
        const stale = upstreamResponse.headers["x-nextjs-cache"] === "STALE";
        const maxAge = key && status === 200 && !stale ? sharedMaxAge(upstreamResponse.headers) : null;
        const headers = storableHeaders(upstreamResponse.headers);
        const missHeader = key ? { "x-cache": "MISS" } : {};
        // A page to rewrite is held until it is whole; anything else streams through as it arrives.
        const rewrite = maxAge !== null && rewriteHtml && isHtml(upstreamResponse.headers) ? rewriteHtml : null;
        if (!rewrite) response.writeHead(status, { ...headers, ...missHeader });
        const chunks: Buffer[] = [];
        upstreamResponse.on("data", (chunk: Buffer) => {
          if (maxAge !== null) chunks.push(chunk);
          if (!rewrite) response.write(chunk);
        });
        upstreamResponse.on("end", () => {
          let body: Buffer = Buffer.concat(chunks);
          if (rewrite) {
            let rewritten: Buffer | null = null;
            try {
              rewritten = rewriteEncodedHtml(body, upstreamResponse.headers["content-encoding"], rewrite);
            } catch {
              // A body that does not decode is sent as it came; the browser will judge it.
            }
            if (rewritten) body = rewritten;
            headers["content-length"] = String(body.length);
            response.writeHead(status, { ...headers, ...missHeader });
            response.end(body);
          } else {
            response.end();
          }
          if (maxAge !== null && key) {
            const storedAt = now();
            cache.set(key, {
              status,
              headers,
              body,
              storedAt,
              expiresAt: storedAt + maxAge * 1000,
            });
          }
          // An import landed: every page may have changed.
          if (request.method === "POST" && request.url === REVALIDATE_PATH && status === 200) cache.clear();
        });
        upstreamResponse.on("error", () => response.destroy());
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) {
        response.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      }
      response.end("The dashboard is starting or restarting: try again in a moment.\n");
    });
    request.pipe(upstream);
  });
  return { server, cache };
}

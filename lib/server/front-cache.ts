// A small caching front for `next start`, as nginx's proxy_cache or a CDN would be: pages and API
// responses that Next marks as shareable (Cache-Control: s-maxage) are kept in memory and answered
// without reaching Next again, until their s-maxage passes or an import revalidates (POST
// /api/revalidate clears it). Next's own page cache already spares the database; this spares Next's
// per-request work (routing, proxy.ts, reading the cache), which was most of the cost of a cached ward
// page (npm run bench:load). Pages it keeps may be rewritten on the way (npm start defers the scripts of
// pages that opt in: lib/scripts-on-demand.ts). It also does the compression (lib/server/compression.ts):
// Next is asked for the bytes as they are, what is kept is compressed once (brotli and gzip) and answered
// in the encoding each client accepts, and what is passed through is compressed as it streams.
import http from "node:http";
import { REVALIDATE_PATH } from "@/lib/cache/revalidation";
import {
  compressForKeeping,
  encodedHeaders,
  isCompressible,
  MIN_COMPRESSIBLE_BYTES,
  negotiateEncoding,
  notModifiedEntityTag,
  streamingCompressor,
  type ContentEncoding,
  type EncodedBodies,
} from "@/lib/server/compression";
import { pageQueryParamNames } from "@/lib/url-state";

/** Request headers a cached response may vary on (Next's Vary list for pages, plus how the client connected). */
const KEY_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "x-forwarded-proto",
] as const;
/** Request headers a kept response may vary on: those in the key, and Accept-Encoding, which the front answers itself. */
const VARY_HANDLED: readonly string[] = [...KEY_HEADERS, "accept-encoding"];

export interface CachedResponse {
  status: number;
  /** As Next sent them, for the body as it is (identity). */
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** Whether the body may be sent compressed (its type compresses; lib/server/compression.ts). */
  compressible: boolean;
  /** The body compressed for keeping, or null while that is being done. */
  encoded: EncodedBodies | null;
  /** The headers to send with each encoding, made on first use (by headersFor). */
  headersByEncoding?: Partial<Record<ContentEncoding, Record<string, string | string[]>>>;
  storedAt: number;
  expiresAt: number;
}

/**
 * The shared-cache lifetime a response allows, in seconds, or null when a shared cache must not keep it:
 * s-maxage, or max-age when the response says it is `public` (Next's content-hashed script files).
 */
export function sharedMaxAge(headers: http.IncomingHttpHeaders): number | null {
  const cacheControl = String(headers["cache-control"] ?? "").toLowerCase();
  if (/\b(private|no-store|no-cache)\b/.test(cacheControl) || headers["set-cookie"]) return null;
  const shared = /\bs-maxage=(\d+)/.exec(cacheControl)?.[1];
  const seconds = Number(shared ?? (/\bpublic\b/.test(cacheControl) ? /\bmax-age=(\d+)/.exec(cacheControl)?.[1] : NaN));
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  // A response varying on a request header the key does not hold cannot be shared safely.
  const vary = String(headers.vary ?? "")
    .toLowerCase()
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (vary.some((name) => name === "*" || !VARY_HANDLED.includes(name))) return null;
  return seconds;
}

/** Where Next serves its content-hashed build files (scripts, styles, fonts). */
const BUILD_FILES_PATH = "/_next/static/";

/**
 * Bodies waiting to be compressed for keeping, at most (the one being compressed included). Brotli 11 takes
 * about 1 ms a kB: a burst of new entries (junk query strings or router headers, each its own key) must not
 * queue unbounded work and memory. An entry left out is compressed as it goes out, and queued again on a
 * later hit, when there is room.
 */
const MAX_PENDING_COMPRESSION_BYTES = 16 * 1024 * 1024;

/** Longer URLs (as keyed) are junk or attacks, not pages worth a cache slot. */
const MAX_KEYED_URL_LENGTH = 512;

/** The path of a request target, without its query ("/api/revalidate?x=1" → "/api/revalidate"). */
function pathOf(url: string): string {
  const queryStart = url.indexOf("?");
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/**
 * The request target as the cache keys it. A page that takes query state keeps only the parameters it
 * reads (lib/url-state.ts), sorted: tracking parameters (?fbclid=, ?utm_source=) and Next's ?_rsc= (a hash of
 * router headers the key holds anyway) would otherwise each make an entry of the same page. Any other target
 * keeps its query as sent. The path is kept byte for byte: it is not parsed, so "//host/x" stays itself.
 */
export function keyedUrl(url: string): string {
  const path = pathOf(url);
  // Next's build files are named by their content: a query changes nothing, so it must not make new entries.
  if (path.startsWith(BUILD_FILES_PATH)) return path;
  const names = pageQueryParamNames(path);
  if (names === null || path === url) return url;
  const kept = [...new URLSearchParams(url.slice(path.length + 1))]
    .filter(([name]) => names.includes(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // stable: repeated values keep their order
  return kept.length > 0 ? `${path}?${new URLSearchParams(kept)}` : path;
}

/** Only plain GETs are answered from the cache: no credentials, no conditional or range requests. */
export function cacheKey(request: http.IncomingMessage): string | null {
  const h = request.headers;
  if (request.method !== "GET" || h.authorization || h.cookie || h.range || h["if-none-match"]) return null;
  const url = keyedUrl(request.url ?? "/");
  if (url.length > MAX_KEYED_URL_LENGTH) return null;
  return [url, ...KEY_HEADERS.map((name) => `${name}:${String(h[name] ?? "")}`)].join("\n");
}

/** What an entry costs the budget: its key, its headers and its bodies. */
export function entryBytes(key: string, entry: CachedResponse): number {
  let bytes = Buffer.byteLength(key) + entry.body.length;
  for (const body of Object.values(entry.encoded ?? {})) bytes += body.length;
  for (const [name, value] of Object.entries(entry.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) bytes += name.length + Buffer.byteLength(one);
  }
  return bytes;
}

/** Least recently used entries go first once the bytes held (keys, headers and bodies) pass the limit. */
export class ResponseCache {
  private entries = new Map<string, { response: CachedResponse; bytes: number }>();
  private bytes = 0;
  private clears = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The largest entry kept: one huge export must not empty the cache. */
  get maxEntryBytes(): number {
    return this.maxBytes / 8;
  }

  /**
   * Changes on every clear(). A response fetched while the generation changed may hold data from before
   * the import that cleared the cache: the caller compares generations and does not store it.
   */
  get generation(): number {
    return this.clears;
  }

  /**
   * Puts the compressed bodies into an entry, if it is still the one kept under `key` (not expired, evicted,
   * replaced or cleared meanwhile), and counts them against the budget.
   */
  addEncoded(key: string, entry: CachedResponse, encoded: EncodedBodies): void {
    if (!this.holds(key, entry)) return;
    this.set(key, { ...entry, encoded });
  }

  /** Whether `entry` is still the one kept under `key` (without counting as a use). */
  holds(key: string, entry: CachedResponse): boolean {
    return this.entries.get(key)?.response === entry;
  }

  get(key: string): CachedResponse | undefined {
    const held = this.entries.get(key);
    if (!held) return undefined;
    this.entries.delete(key);
    if (held.response.expiresAt <= this.now()) {
      this.bytes -= held.bytes;
      return undefined;
    }
    this.entries.set(key, held); // most recently used last
    return held.response;
  }

  set(key: string, response: CachedResponse): void {
    const bytes = entryBytes(key, response);
    if (bytes > this.maxEntryBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { response, bytes });
    this.bytes += bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.clears++;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, as counted against the budget. */
  get heldBytes(): number {
    return this.bytes;
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

const isHtml = (headers: http.IncomingHttpHeaders) =>
  String(headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("text/html");

export interface FrontServerOptions {
  /** Where `next start` listens (loopback). */
  upstreamPort: number;
  upstreamHost?: string;
  maxBytes?: number;
  /** Bodies waiting to be compressed for keeping, at most (default 16 MB). */
  maxPendingCompressionBytes?: number;
  now?: () => number;
  /**
   * Applied to each HTML page before it is sent and kept (npm start passes deferPageScripts). Only pages
   * the cache keeps are rewritten: they are read whole anyway, and rewritten once per cache fill.
   */
  rewriteHtml?: (html: string) => string;
}

/**
 * How to answer with a kept response: the encoding to send it in, and its body in that encoding, or null
 * while the kept copies are still being made (a fraction of a second after it arrived): it is then compressed
 * as it goes out, like a response passing through.
 */
function keptBody(
  entry: CachedResponse,
  accepted: ContentEncoding,
): { encoding: ContentEncoding; body: Buffer | null } {
  if (accepted === "identity" || !entry.compressible || entry.body.length < MIN_COMPRESSIBLE_BYTES) {
    return { encoding: "identity", body: entry.body };
  }
  if (!entry.encoded) return { encoding: accepted, body: null };
  const encoded = entry.encoded[accepted];
  return encoded ? { encoding: accepted, body: encoded } : { encoding: "identity", body: entry.body };
}

/** The headers a kept response goes out with in `encoding` (Content-Encoding, Vary, ETag), made once. */
function headersFor(entry: CachedResponse, encoding: ContentEncoding): Record<string, string | string[]> {
  if (!entry.compressible) return entry.headers;
  const made = (entry.headersByEncoding ??= {});
  return (made[encoding] ??= encodedHeaders(entry.headers, encoding) as Record<string, string | string[]>);
}

/**
 * Sends a body compressed as it goes (`source` streamed, or a whole body), on libuv's thread pool rather
 * than the event loop. The response's headers must be written already.
 */
function sendCompressed(
  response: http.ServerResponse,
  encoding: Exclude<ContentEncoding, "identity">,
  source: http.IncomingMessage | Buffer,
) {
  const compressor = streamingCompressor(encoding);
  compressor.on("error", () => response.destroy());
  response.on("close", () => compressor.destroy());
  // pipe(): a slow client slows the reading from Next (backpressure) instead of the body piling up here.
  compressor.pipe(response);
  if (Buffer.isBuffer(source)) compressor.end(source);
  else source.pipe(compressor);
}

/** Statuses and methods whose response has no body to compress; a range (206) is a slice of the bytes as they are. */
const hasEncodableBody = (method: string | undefined, status: number) =>
  method !== "HEAD" && status !== 204 && status !== 206 && status !== 304 && status >= 200;

/** A request with a body cannot be sent twice: its body was read the first time. */
function hasBody(request: http.IncomingMessage): boolean {
  return Boolean(request.headers["transfer-encoding"]) || Number(request.headers["content-length"] ?? 0) > 0;
}

/** The front server: answers from the cache, or forwards to Next and keeps what may be kept. */
export function createFrontServer({
  upstreamHost = "127.0.0.1",
  upstreamPort,
  maxBytes = 256 * 1024 * 1024,
  maxPendingCompressionBytes = MAX_PENDING_COMPRESSION_BYTES,
  now = Date.now,
  rewriteHtml,
}: FrontServerOptions) {
  const cache = new ResponseCache(maxBytes, now);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  // Compressing what was kept runs off the event loop, one body at a time (so the thread pool stays free for
  // what is compressed as it goes out), within a byte budget; tests wait for it through whenCompressed().
  const compressing = new Set<Promise<void>>();
  const queued = new WeakSet<CachedResponse>();
  let pendingBytes = 0;
  let lastJob: Promise<void> = Promise.resolve();
  const compressAndKeep = (key: string, entry: CachedResponse) => {
    if (entry.encoded || queued.has(entry) || pendingBytes + entry.body.length > maxPendingCompressionBytes) return;
    queued.add(entry);
    pendingBytes += entry.body.length;
    const job = lastJob
      .then(async () => {
        if (!cache.holds(key, entry)) return; // evicted, replaced or cleared while it waited
        // Not compressed (a failure): answered as it is from then on.
        const encoded = await compressForKeeping(entry.body).catch(() => ({}));
        cache.addEncoded(key, entry, encoded);
      })
      .finally(() => {
        pendingBytes -= entry.body.length;
        queued.delete(entry);
        compressing.delete(job);
      });
    lastJob = job;
    compressing.add(job);
  };

  const server = http.createServer((request, response) => {
    const key = cacheKey(request);
    const accepted = negotiateEncoding(request.headers["accept-encoding"]);
    const hit = key ? cache.get(key) : undefined;
    if (hit) {
      // Left out of the queue when it was full: its compressed copies are made now there is room.
      if (hit.compressible && !hit.encoded) compressAndKeep(key!, hit);
      const { body, encoding } = keptBody(hit, accepted);
      response.writeHead(hit.status, {
        ...headersFor(hit, encoding),
        age: String(Math.floor((now() - hit.storedAt) / 1000)),
        "x-cache": "HIT",
        ...(body ? { "content-length": String(body.length) } : {}),
      });
      if (body) response.end(body);
      else if (encoding !== "identity") sendCompressed(response, encoding, hit.body);
      return;
    }

    // Compared once the body is in: a clear() meanwhile means an import landed while this response was
    // on its way, so it may hold the data from before the import, and is passed on but not kept.
    const generation = cache.generation;
    const withBody = hasBody(request);
    let upstream: http.ClientRequest;

    const onUpstreamResponse = (upstreamResponse: http.IncomingMessage) => {
      const status = upstreamResponse.statusCode ?? 502;
      const headers = storableHeaders(upstreamResponse.headers);
      // Next was asked for the bytes as they are; a body it encoded anyway goes out as it came, and is not kept.
      const encodedUpstream = !/^(identity)?$/i.test(String(headers["content-encoding"] ?? "").trim());
      // A page Next serves stale while it regenerates it is not kept: the next request gets the new one.
      const stale = upstreamResponse.headers["x-nextjs-cache"] === "STALE";
      const maxAge =
        key && status === 200 && !stale && !encodedUpstream ? sharedMaxAge(upstreamResponse.headers) : null;
      const compressible = isCompressible(headers);
      const length = Number(headers["content-length"] ?? NaN);
      const encoding =
        compressible && hasEncodableBody(request.method, status) && !(length < MIN_COMPRESSIBLE_BYTES)
          ? accepted
          : "identity";
      const missHeader = key ? { "x-cache": "MISS" } : {};
      const keep = (body: Buffer) => {
        if (maxAge === null || !key || generation !== cache.generation) return;
        const storedAt = now();
        const expiresAt = storedAt + maxAge * 1000;
        const entry: CachedResponse = { status, headers, body, compressible, encoded: null, storedAt, expiresAt };
        if (!compressible) entry.encoded = {};
        cache.set(key, entry);
        if (compressible) compressAndKeep(key, entry);
      };
      if (status === 304 && typeof headers.etag === "string") {
        headers.etag = notModifiedEntityTag(headers.etag, request.headers["if-none-match"]);
      }
      if (maxAge !== null && rewriteHtml && isHtml(upstreamResponse.headers)) {
        // A page to rewrite is held until it is whole (pages are small), rewritten once, sent and kept.
        const chunks: Buffer[] = [];
        upstreamResponse.on("data", (chunk: Buffer) => chunks.push(chunk));
        upstreamResponse.on("end", () => {
          const original = Buffer.concat(chunks);
          const body = Buffer.from(rewriteHtml(original.toString("utf8")), "utf8");
          headers["content-length"] = String(body.length);
          const sentEncoding = body.length < MIN_COMPRESSIBLE_BYTES ? "identity" : encoding;
          response.writeHead(status, { ...encodedHeaders(headers, sentEncoding), ...missHeader });
          if (sentEncoding === "identity") response.end(body);
          else sendCompressed(response, sentEncoding, body);
          keep(body);
        });
        upstreamResponse.on("error", () => response.destroy());
        return;
      }
      response.writeHead(status, { ...(compressible ? encodedHeaders(headers, encoding) : headers), ...missHeader });
      // The body is collected for the cache while it fits in one entry; a larger one is only passed on.
      let kept: Buffer[] | null = maxAge !== null ? [] : null;
      let keptBytes = 0;
      upstreamResponse.on("data", (chunk: Buffer) => {
        if (!kept) return;
        keptBytes += chunk.length;
        if (keptBytes > cache.maxEntryBytes) kept = null;
        else kept.push(chunk);
      });
      // pipe(): a slow client slows the reading from Next (backpressure) instead of the body piling up here.
      if (encoding === "identity") upstreamResponse.pipe(response);
      else sendCompressed(response, encoding, upstreamResponse);
      upstreamResponse.on("end", () => {
        if (kept) keep(Buffer.concat(kept));
        // An import landed: every page may have changed.
        if (request.method === "POST" && pathOf(request.url ?? "/") === REVALIDATE_PATH && status === 200) {
          cache.clear();
        }
      });
      // Next failed mid-body: cut the client's connection, so that it sees an incomplete response.
      upstreamResponse.on("error", () => response.destroy());
    };

    const send = (retry: boolean) => {
      upstream = http.request(
        {
          host: upstreamHost,
          port: upstreamPort,
          method: request.method,
          path: request.url,
          // The bytes as they are: the front compresses, once for what it keeps.
          headers: { ...request.headers, "accept-encoding": "identity" },
          agent,
        },
        onUpstreamResponse,
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (response.destroyed) return; // the client left, and its request was stopped (below)
        // Status and headers are sent, the body is under way: text added now would be taken as part of it.
        if (response.headersSent) return void response.destroy();
        // A kept-alive connection that Next closed (idle too long) just as it was used again: the request
        // never reached Next, so a request without a body is sent once more, on a new connection.
        if (!retry && !withBody && upstream.reusedSocket && error.code === "ECONNRESET") return send(true);
        response.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        response.end("The dashboard is starting or restarting: try again in a moment.\n");
      });
      if (withBody) request.pipe(upstream);
      else upstream.end();
    };
    send(false);

    // A client that leaves stops the work upstream too. "close" also follows a normal finish: not then.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
  });
  /** Resolves once every kept response being compressed has its compressed copies (for tests). */
  const whenCompressed = async () => {
    while (compressing.size > 0) await Promise.all(compressing);
  };
  /** Bytes of kept bodies waiting for their compressed copies (for tests). */
  const pendingCompressionBytes = () => pendingBytes;
  return { server, cache, whenCompressed, pendingCompressionBytes };
}

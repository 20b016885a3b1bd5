// Content encodings for the front server (lib/server/front-cache.ts): which one a client gets, which
// responses are worth compressing, and the compressors. A response the front cache keeps is compressed
// once, as small as brotli makes it (quality 11: slow, but paid once per cache fill, off the event loop),
// and answered from memory in the encoding each client asks for; a response it passes through is
// compressed as it streams, with settings fast enough to cost about what gzip does. Measured on this
// app's responses (docs/decisions.md): a ward page of 310 kB is 43 kB as gzip, 27 kB as brotli 5 and
// 23 kB as brotli 11 (0.3 s to make).
import zlib from "node:zlib";
import { promisify } from "node:util";

export type ContentEncoding = "br" | "gzip" | "identity";

/** When a client accepts several encodings equally, the smallest wins. */
const SERVER_PREFERENCE: readonly ContentEncoding[] = ["br", "gzip", "identity"];

/** Below this a compressed body saves too little to be worth the work (and may grow). */
export const MIN_COMPRESSIBLE_BYTES = 256;

/**
 * Bodies up to this size are kept as brotli 11 (about 1 ms of one thread per kB, so at most about a second);
 * larger ones (a whole-dataset export) as brotli 5, which is linear and fast, and within 20 % of it.
 */
const BEST_BROTLI_MAX_BYTES = 1024 * 1024;
const KEPT_BROTLI_QUALITY = { small: 11, large: 5 } as const;
const KEPT_GZIP_LEVEL = 9;
const STREAMED_BROTLI_QUALITY = 5;
const STREAMED_GZIP_LEVEL = zlib.constants.Z_DEFAULT_COMPRESSION;

/**
 * The encoding to send, from the request's Accept-Encoding (RFC 9110 §12.5.3): the highest q-value among
 * br, gzip (or its alias x-gzip) and identity, ties going to the smallest. No header, an empty one, or one
 * naming nothing we have, gets identity; identity is acceptable unless "identity;q=0" or "*;q=0" (with no
 * entry of its own) exclude it, and then ranks below any coding named. When every encoding is refused,
 * identity is sent anyway, as RFC 9110 allows, rather than a 406 a browser would show as an error page.
 */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): ContentEncoding {
  if (acceptEncoding === undefined) return "identity";
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : acceptEncoding;
  if (header.length > NEGOTIATED_MAX_LENGTH) return negotiate(header);
  let encoding = negotiated.get(header);
  if (encoding === undefined) {
    encoding = negotiate(header);
    if (negotiated.size >= NEGOTIATED_LIMIT) negotiated.clear();
    negotiated.set(header, encoding);
  }
  return encoding;
}

/**
 * Browsers send a handful of distinct Accept-Encoding values, each on every request: each is read once (on a
 * kept page, reading it took about a tenth of the front server's time per request). Odd or long values are
 * read every time rather than fill the memory.
 */
const negotiated = new Map<string, ContentEncoding>();
const NEGOTIATED_LIMIT = 256;
const NEGOTIATED_MAX_LENGTH = 128;

function negotiate(header: string): ContentEncoding {
  const weights = new Map<string, number>();
  for (const entry of header.split(",")) {
    const [rawName = "", ...parameters] = entry.split(";");
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const parameter of parameters) {
      const [key = "", value = ""] = parameter.split("=").map((part) => part.trim());
      if (key.toLowerCase() === "q") weight = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN;
    }
    if (Number.isNaN(weight)) continue; // a malformed q-value: the entry is ignored
    const coding = name === "x-gzip" ? "gzip" : name;
    weights.set(coding, Math.max(weight, weights.get(coding) ?? 0));
  }
  const anyOther = weights.get("*");
  // Unlisted, identity is still acceptable (unless * refuses it), but least preferred.
  const weightOf = (coding: ContentEncoding): number =>
    weights.get(coding) ?? anyOther ?? (coding === "identity" ? Number.MIN_VALUE : 0);
  let best: ContentEncoding = "identity";
  let bestWeight = 0;
  for (const coding of SERVER_PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** Content types that compress: text, JSON, JavaScript, XML and SVG; not images, fonts or archives. */
const COMPRESSIBLE_TYPE =
  /^(?:text\/[^;]+|application\/(?:json|javascript|x-javascript|ecmascript|xml|[^;]+\+json|[^;]+\+xml)|image\/svg\+xml)\s*(?:;|$)/i;

export type HeaderRecord = Record<string, string | string[] | number | undefined>;

const headerText = (headers: HeaderRecord, name: string) => String(headers[name] ?? "");

/**
 * May this response be sent compressed? Its type compresses, it is not encoded already, and it does not
 * forbid transformation (Cache-Control: no-transform, as the favicon route sends).
 */
export function isCompressible(headers: HeaderRecord): boolean {
  const encoding = headerText(headers, "content-encoding").trim().toLowerCase();
  return (
    COMPRESSIBLE_TYPE.test(headerText(headers, "content-type").trim()) &&
    (encoding === "" || encoding === "identity") &&
    !/\bno-transform\b/i.test(headerText(headers, "cache-control"))
  );
}

/** A Vary value with `name` added once (compared without regard to case). */
export function addToVary(vary: string | string[] | number | undefined, name: string): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (names.some((existing) => existing === "*" || existing.toLowerCase() === name.toLowerCase())) {
    return names.join(", ");
  }
  return [...names, name].join(", ");
}

/**
 * An entity tag for a compressed body of the representation `etag` names: weak, as nginx makes it. A strong
 * tag promises the same bytes, which a compressed body is not; weak comparison (what If-None-Match uses)
 * still matches it against the original, so revalidation works unchanged.
 */
export function weakEntityTag(etag: string): string {
  const tag = etag.trim();
  return tag.startsWith("W/") ? tag : `W/${tag}`;
}

/**
 * The entity tag of a 304 as the client holds it. A client holding a compressed body has the weak form and
 * revalidates with it; the 304 names that same form, so that the client (or a CDN) matches it to what it holds.
 */
export function notModifiedEntityTag(etag: string, ifNoneMatch: string | string[] | undefined): string {
  const listed = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(",") : (ifNoneMatch ?? ""))
    .split(",")
    .map((tag) => tag.trim());
  const weak = weakEntityTag(etag);
  return listed.includes(weak) && !listed.includes(etag.trim()) ? weak : etag;
}

/**
 * The headers for a body of `headers`' representation sent in `encoding`: Content-Encoding, Vary and the
 * entity tag follow the encoding. An encoded body's length is the caller's to set (it may be streamed).
 */
export function encodedHeaders(headers: HeaderRecord, encoding: ContentEncoding): HeaderRecord {
  const result: HeaderRecord = { ...headers, vary: addToVary(headers.vary, "Accept-Encoding") };
  if (encoding === "identity") {
    delete result["content-encoding"];
  } else {
    delete result["content-length"];
    result["content-encoding"] = encoding;
    if (typeof headers.etag === "string") result.etag = weakEntityTag(headers.etag);
  }
  return result;
}

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function brotliOptions(quality: number, sizeHint?: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      ...(sizeHint ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}),
    },
  };
}

/** The compressed bodies kept beside the original, each only if it is smaller. */
export type EncodedBodies = Partial<Record<Exclude<ContentEncoding, "identity">, Buffer>>;

/**
 * A body compressed once for keeping: brotli at the best quality its size allows, and gzip for clients
 * without brotli. Runs on libuv's thread pool, so the server keeps answering meanwhile.
 */
export async function compressForKeeping(body: Buffer): Promise<EncodedBodies> {
  if (body.length < MIN_COMPRESSIBLE_BYTES) return {};
  const quality = body.length <= BEST_BROTLI_MAX_BYTES ? KEPT_BROTLI_QUALITY.small : KEPT_BROTLI_QUALITY.large;
  const [br, gz] = await Promise.all([
    brotliCompress(body, brotliOptions(quality, body.length)),
    gzip(body, { level: KEPT_GZIP_LEVEL }),
  ]);
  const kept: EncodedBodies = {};
  if (br.length < body.length) kept.br = br;
  if (gz.length < body.length) kept.gzip = gz;
  return kept;
}

/**
 * A compressor for a body that streams through. Every chunk written is flushed out at once, so a page
 * that Next streams in parts (its shell first) still reaches the browser in parts.
 */
export function streamingCompressor(encoding: Exclude<ContentEncoding, "identity">): zlib.BrotliCompress | zlib.Gzip {
  return encoding === "br"
    ? zlib.createBrotliCompress({
        ...brotliOptions(STREAMED_BROTLI_QUALITY),
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      })
    : zlib.createGzip({ level: STREAMED_GZIP_LEVEL, flush: zlib.constants.Z_SYNC_FLUSH });
}

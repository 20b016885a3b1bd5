import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { createFrontServer } from "@/lib/server/front-cache";

// The front server compresses: what it keeps once (brotli 11 and gzip), what it passes through as it streams.
// A real upstream stands in for Next, sending the bytes as they are; each test decompresses what the
// client got and compares it with what upstream sent.

/** A page-like body: long enough to compress, varied enough that brotli 11 beats the fast settings. */
const PAGE = Buffer.from(
  `<!DOCTYPE html><html><body><table>${Array.from(
    { length: 3000 },
    (_, i) => `<tr><th>Ward ${(i * 7919) % 1009}</th><td>${((i * 37) % 997) / 10}%</td></tr>`,
  ).join("")}</table></body></html>`,
);
const CSV = Buffer.from(
  `area,value\n${Array.from({ length: 2000 }, (_, i) => `E05${String(i).padStart(6, "0")},${(i * 13) % 101}`).join("\n")}`,
);
const PNG = crypto.randomBytes(5000); // image bytes: already compressed, as far as anyone can tell
const TAG = `"${crypto.createHash("sha256").update(CSV).digest("base64url").slice(0, 27)}"`;

const calls = new Map<string, number>();
const upstreamAcceptEncoding: string[] = [];
const releaseStream: (() => void)[] = [];
const upstream = http.createServer((request, response) => {
  const url = new URL(request.url!, "http://x");
  calls.set(url.pathname, (calls.get(url.pathname) ?? 0) + 1);
  upstreamAcceptEncoding.push(String(request.headers["accept-encoding"] ?? ""));
  const shared = "public, max-age=300, s-maxage=3600";
  switch (url.pathname) {
    case "/page":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=60" });
      return void response.end(PAGE);
    case "/search":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" });
      return void response.end(PAGE);
    case "/observations.csv": {
      // A download with a strong ETag of its bytes, answering If-None-Match by weak comparison, as the API does.
      const match = String(request.headers["if-none-match"] ?? "")
        .split(",")
        .some((tag) => tag.trim().replace(/^W\//, "") === TAG);
      const headers = { "cache-control": shared, etag: TAG, vary: "Accept-Encoding" };
      if (match) return void response.writeHead(304, headers).end();
      response.writeHead(200, { ...headers, "content-type": "text/csv; charset=utf-8" });
      return void response.end(CSV);
    }
    case "/map.png":
      response.writeHead(200, { "content-type": "image/png", "cache-control": shared, etag: '"png"' });
      return void response.end(PNG);
    case "/icon.svg":
      response.writeHead(200, {
        "content-type": "image/svg+xml",
        "cache-control": "public, immutable, no-transform, max-age=31536000",
      });
      return void response.end(PAGE);
    case "/tiny":
      // With its length, as Next sends a body it has whole.
      response.writeHead(200, {
        "content-type": "application/json",
        "cache-control": "no-store",
        "content-length": 11,
      });
      return void response.end('{"ok":true}');
    case "/streamed":
      // A page rendered per request and streamed: its shell first, the rest when the test says so.
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" });
      response.write("<html><head><title>Shell</title></head><body>");
      releaseStream.push(() => response.end("<p>Results</p></body></html>"));
      return;
    default:
      response.writeHead(404, { "content-type": "text/plain" }).end("no such thing");
  }
});

let front: ReturnType<typeof createFrontServer>;
let base = "";

before(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  front = createFrontServer({ upstreamPort: (upstream.address() as AddressInfo).port });
  await new Promise<void>((resolve) => front.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(front.server.address() as AddressInfo).port}`;
});
after(() => {
  front.server.close();
  front.server.closeAllConnections();
  upstream.close();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET or HEAD with node's client, which decompresses nothing: the bytes as they came. */
function request(path: string, headers: http.OutgoingHttpHeaders = {}, method = "GET"): Promise<RawResponse> {
  return rawRequest(`${base}${path}`, headers, method);
}

function rawRequest(url: string, headers: http.OutgoingHttpHeaders = {}, method = "GET"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { headers, method }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject)
      .end();
  });
}

/** The body decoded by the Content-Encoding it came with. */
function decoded(response: RawResponse): Buffer {
  const encoding = response.headers["content-encoding"];
  if (encoding === "br") return zlib.brotliDecompressSync(response.body);
  if (encoding === "gzip") return zlib.gunzipSync(response.body);
  assert.equal(encoding, undefined, `an encoding the test does not know: ${encoding}`);
  return response.body;
}

/** The body decodes to `expected`, and its Content-Length, if any (a streamed body has none), is its length. */
function assertWhole(response: RawResponse, expected: Buffer, what: string) {
  const length = response.headers["content-length"];
  if (length !== undefined) assert.equal(Number(length), response.body.length, `${what}: Content-Length`);
  assert.ok(decoded(response).equals(expected), `${what}: the body decodes to what upstream sent`);
}

test("a kept page goes out as brotli, gzip or as it is, by Accept-Encoding, from one upstream request", async () => {
  const cases: [string | undefined, string | undefined][] = [
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=0, gzip;q=0", undefined],
    [undefined, undefined],
  ];
  for (const [acceptEncoding, expected] of cases) {
    const response = await request("/page", acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding });
    assert.equal(response.headers["content-encoding"], expected, String(acceptEncoding));
    assert.match(String(response.headers.vary), /\bAccept-Encoding\b/i, "caches must keep the encodings apart");
    assertWhole(response, PAGE, String(acceptEncoding));
  }
  assert.equal(calls.get("/page"), 1, "one entry serves every encoding");
  // Once its compressed copies are made, a kept body goes out whole, with its length.
  await front.whenCompressed();
  for (const acceptEncoding of ["br", "gzip", "identity"]) {
    const response = await request("/page", { "accept-encoding": acceptEncoding });
    assert.ok(response.headers["content-length"], acceptEncoding);
    assertWhole(response, PAGE, acceptEncoding);
  }
  assert.equal(upstreamAcceptEncoding[0], "identity", "upstream is asked for the bytes as they are");
});

test("a kept page is compressed once, at brotli's best, and the same bytes are sent to every client", async () => {
  await request("/page", { "accept-encoding": "br" });
  await front.whenCompressed();
  const first = await request("/page", { "accept-encoding": "br" });
  const second = await request("/page", { "accept-encoding": "br" });
  assert.equal(first.headers["x-cache"], "HIT");
  assert.ok(first.body.equals(second.body), "sent from the kept copy, not compressed again");
  assertWhole(first, PAGE, "brotli");
  const best = zlib.brotliCompressSync(PAGE, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  const fast = zlib.brotliCompressSync(PAGE, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  assert.ok(
    first.body.length <= best.length + 16 && first.body.length < fast.length,
    `${first.body.length} bytes: brotli 11 makes ${best.length}, brotli 5 ${fast.length}`,
  );
  const gzip = await request("/page", { "accept-encoding": "gzip" });
  assertWhole(gzip, PAGE, "gzip");
  assert.ok(gzip.body.length < PAGE.length / 2);
});

test("responses the cache does not keep are compressed as they stream", async () => {
  const search = await request("/search", { "accept-encoding": "gzip, br" });
  assert.equal(search.headers["content-encoding"], "br");
  assert.equal(search.headers["content-length"], undefined, "streamed: the length is not known in advance");
  assert.ok(decoded(search).equals(PAGE));
  const gzip = await request("/search", { "accept-encoding": "gzip" });
  assert.equal(gzip.headers["content-encoding"], "gzip");
  assert.ok(decoded(gzip).equals(PAGE));
  const plain = await request("/search");
  assertWhole(plain, PAGE, "identity");
  assert.match(String(plain.headers.vary), /Accept-Encoding/);
  assert.equal(calls.get("/search"), 3, "none of them was kept");
});

test("a streamed page reaches the client in parts: the shell before the rest is rendered", async () => {
  await new Promise<void>((resolve, reject) => {
    http
      .get(`${base}/streamed`, { headers: { "accept-encoding": "br" } }, (response) => {
        assert.equal(response.headers["content-encoding"], "br");
        const decompress = zlib.createBrotliDecompress();
        let text = "";
        decompress.on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes("<title>Shell</title>") && !text.includes("Results")) releaseStream.shift()?.();
        });
        decompress.on("end", () => {
          try {
            assert.equal(text, "<html><head><title>Shell</title></head><body><p>Results</p></body></html>");
            resolve();
          } catch (error) {
            reject(error);
          }
        });
        response.pipe(decompress);
      })
      .on("error", reject);
  });
});

test("a download's ETag is weak when compressed and strong as it is; If-None-Match still gets its 304", async () => {
  const br = await request("/observations.csv", { "accept-encoding": "br" });
  assert.equal(br.headers.etag, `W/${TAG}`, "compressed bytes are not the bytes the strong tag names");
  assertWhole(br, CSV, "CSV as brotli");
  const identity = await request("/observations.csv");
  assert.equal(identity.headers.etag, TAG);
  assertWhole(identity, CSV, "CSV as it is");

  // Revalidating with the tag each client holds: 304, naming the tag in the form that client holds.
  const weak = await request("/observations.csv", { "accept-encoding": "br", "if-none-match": `W/${TAG}` });
  assert.equal(weak.status, 304);
  assert.equal(weak.headers.etag, `W/${TAG}`);
  assert.equal(weak.body.length, 0);
  const strong = await request("/observations.csv", { "if-none-match": TAG });
  assert.equal(strong.status, 304);
  assert.equal(strong.headers.etag, TAG);
  const changed = await request("/observations.csv", { "accept-encoding": "br", "if-none-match": 'W/"old"' });
  assert.equal(changed.status, 200);
  assert.ok(decoded(changed).equals(CSV));
});

test("images, no-transform responses, tiny bodies and HEAD requests go out as they are", async () => {
  const png = await request("/map.png", { "accept-encoding": "br, gzip" });
  assert.equal(png.headers["content-encoding"], undefined);
  assert.equal(png.headers.etag, '"png"');
  assertWhole(png, PNG, "PNG");
  const icon = await request("/icon.svg", { "accept-encoding": "br" });
  assert.equal(icon.headers["content-encoding"], undefined, "Cache-Control: no-transform");
  assertWhole(icon, PAGE, "no-transform SVG");
  const tiny = await request("/tiny", { "accept-encoding": "br" });
  assert.equal(tiny.headers["content-encoding"], undefined);
  assert.equal(tiny.body.toString(), '{"ok":true}');
  const head = await request("/search", { "accept-encoding": "br" }, "HEAD");
  assert.equal(head.headers["content-encoding"], undefined);
  assert.equal(head.body.length, 0);
  const missing = await request("/nowhere", { "accept-encoding": "br" });
  assert.equal(missing.status, 404);
  assert.equal(decoded(missing).toString(), "no such thing");
});

test("compression for keeping is bounded: a burst of new entries queues no more than its byte budget", async () => {
  const bounded = createFrontServer({
    upstreamPort: (upstream.address() as AddressInfo).port,
    maxPendingCompressionBytes: PAGE.length * 2,
  });
  await new Promise<void>((resolve) => bounded.server.listen(0, "127.0.0.1", resolve));
  const boundedBase = `http://127.0.0.1:${(bounded.server.address() as AddressInfo).port}`;
  try {
    // Eight entries at once (each query its own key, as junk query strings would be): all answered whole.
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rawRequest(`${boundedBase}/page?junk=${i}`, { "accept-encoding": "br" })),
    );
    for (const response of burst) assertWhole(response, PAGE, "a response in the burst");
    assert.ok(
      bounded.pendingCompressionBytes() <= PAGE.length * 2,
      `${bounded.pendingCompressionBytes()} bytes queued, budget ${PAGE.length * 2}`,
    );
    await bounded.whenCompressed();
    assert.equal(bounded.pendingCompressionBytes(), 0);
    const best = zlib.brotliCompressSync(PAGE, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    // An entry left out is answered compressed as it goes out, and queued on that hit: the next one is brotli 11.
    const leftOut = await rawRequest(`${boundedBase}/page?junk=7`, { "accept-encoding": "br" });
    assertWhole(leftOut, PAGE, "a hit on an entry left out of the queue");
    await bounded.whenCompressed();
    const after = await rawRequest(`${boundedBase}/page?junk=7`, { "accept-encoding": "br" });
    assert.equal(after.headers["x-cache"], "HIT");
    assertWhole(after, PAGE, "the same entry, once compressed");
    assert.ok(after.body.length <= best.length + 16, `${after.body.length} bytes against brotli 11's ${best.length}`);
  } finally {
    bounded.server.close();
    bounded.server.closeAllConnections();
  }
});

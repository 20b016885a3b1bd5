import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { createFrontServer } from "@/lib/server/front-cache";

const shout = (html: string) => html.replace("quiet", "LOUD");
/** A page long enough to be worth compressing. */
const page = (path: string, word: string) =>
  `<html><head></head><body>${word} ${path}<ul>${"<li>ward</li>".repeat(100)}</ul></body></html>`;

// A real upstream standing in for Next: HTML, cacheable or not, per query; it gzips when asked to, as Next
// does, and with ?always-gzip whether asked or not.
const upstreamAcceptEncoding: string[] = [];
const upstream = http.createServer((request, response) => {
  const url = new URL(request.url!, "http://x");
  upstreamAcceptEncoding.push(String(request.headers["accept-encoding"] ?? ""));
  const html = page(url.pathname, "quiet");
  const gzip = url.searchParams.has("always-gzip") || /\bgzip\b/.test(String(request.headers["accept-encoding"]));
  response.writeHead(200, {
    "content-type": url.searchParams.has("json") ? "application/json" : "text/html; charset=utf-8",
    "cache-control": url.searchParams.has("private") ? "private, no-store" : "s-maxage=60",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  response.end(gzip ? zlib.gzipSync(html) : html);
});
let front: http.Server;
let whenCompressed: () => Promise<void>;
let base = "";

before(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const created = createFrontServer({
    upstreamPort: (upstream.address() as AddressInfo).port,
    rewriteHtml: shout,
  });
  front = created.server;
  whenCompressed = created.whenCompressed;
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
after(() => {
  front.close();
  upstream.close();
  front.closeAllConnections();
});

/** A raw GET (no automatic decompression), with what came back. */
function get(path: string, headers: http.OutgoingHttpHeaders = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

test("a page the cache keeps is asked for as it is, rewritten, sent in the client's encoding and kept rewritten", async () => {
  upstreamAcceptEncoding.length = 0;
  const first = await get("/ward", { "accept-encoding": "gzip" });
  assert.deepEqual(upstreamAcceptEncoding, ["identity"], "the front compresses, not upstream");
  assert.equal(first.headers["x-cache"], "MISS");
  assert.equal(first.headers["content-encoding"], "gzip");
  assert.equal(zlib.gunzipSync(first.body).toString(), page("/ward", "LOUD"));
  await whenCompressed();
  for (const [acceptEncoding, decode] of [
    ["br", zlib.brotliDecompressSync],
    ["gzip", zlib.gunzipSync],
    ["identity", (body: Buffer) => body],
  ] as const) {
    const hit = await get("/ward", { "accept-encoding": acceptEncoding });
    assert.equal(hit.headers["x-cache"], "HIT", acceptEncoding);
    assert.equal(hit.headers["content-encoding"], acceptEncoding === "identity" ? undefined : acceptEncoding);
    assert.equal(Number(hit.headers["content-length"]), hit.body.length, acceptEncoding);
    assert.equal(decode(hit.body).toString(), page("/ward", "LOUD"), acceptEncoding);
  }
  assert.deepEqual(upstreamAcceptEncoding, ["identity"], "one entry serves every encoding");
});

test("pages the cache does not keep, other content types, and bodies upstream encoded anyway are not rewritten", async () => {
  const uncached = await get("/ward?private");
  assert.equal(uncached.body.toString(), page("/ward", "quiet"));
  const json = await get("/data?json");
  assert.equal(json.body.toString(), page("/data", "quiet"));
  const encoded = await get("/ward?always-gzip", { "accept-encoding": "gzip" });
  assert.equal(encoded.headers["content-encoding"], "gzip");
  assert.equal(zlib.gunzipSync(encoded.body).toString(), page("/ward", "quiet"));
  assert.equal((await get("/ward?always-gzip", { "accept-encoding": "gzip" })).headers["x-cache"], "MISS", "not kept");
});

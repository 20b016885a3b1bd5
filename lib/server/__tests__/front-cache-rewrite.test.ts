import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { createFrontServer, rewriteEncodedHtml } from "@/lib/server/front-cache";

const shout = (html: string) => html.replace("quiet", "LOUD");

test("an HTML body is rewritten in the encoding it came in, and an unchanged one is reported as such", () => {
  const html = "<p>quiet page</p>";
  const gzip = rewriteEncodedHtml(zlib.gzipSync(html), "gzip", shout);
  assert.equal(zlib.gunzipSync(gzip!).toString(), "<p>LOUD page</p>");
  const brotli = rewriteEncodedHtml(zlib.brotliCompressSync(html), "br", shout);
  assert.equal(zlib.brotliDecompressSync(brotli!).toString(), "<p>LOUD page</p>");
  assert.equal(rewriteEncodedHtml(Buffer.from(html), undefined, shout)!.toString(), "<p>LOUD page</p>");
  assert.equal(rewriteEncodedHtml(Buffer.from("<p>nothing to do</p>"), "identity", shout), null);
  assert.equal(rewriteEncodedHtml(Buffer.from(html), "zstd", shout), null, "an encoding it cannot decode");
  assert.throws(() => rewriteEncodedHtml(Buffer.from("not gzip"), "gzip", shout));
});

// A real upstream standing in for Next: HTML, gzipped or not, cacheable or not, per query.
const upstream = http.createServer((request, response) => {
  const url = new URL(request.url!, "http://x");
  const html = `<html><head></head><body>quiet ${url.pathname}</body></html>`;
  const gzip = url.searchParams.has("gzip");
  const body = url.searchParams.has("broken") ? Buffer.from("not gzip at all") : gzip ? zlib.gzipSync(html) : html;
  response.writeHead(200, {
    "content-type": url.searchParams.has("json") ? "application/json" : "text/html; charset=utf-8",
    "cache-control": url.searchParams.has("private") ? "private, no-store" : "s-maxage=60",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  response.end(body);
});
let front: http.Server;
let base = "";

before(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const { server } = createFrontServer({
    upstreamPort: (upstream.address() as AddressInfo).port,
    rewriteHtml: shout,
  });
  front = server;
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

test("a page the cache keeps is rewritten, with a correct length, and kept rewritten", async () => {
  const first = await get("/ward?gzip", { "accept-encoding": "gzip" });
  assert.equal(first.headers["x-cache"], "MISS");
  assert.equal(first.headers["content-encoding"], "gzip");
  assert.equal(Number(first.headers["content-length"]), first.body.length);
  assert.equal(zlib.gunzipSync(first.body).toString(), "<html><head></head><body>LOUD /ward</body></html>");
  const second = await get("/ward?gzip", { "accept-encoding": "gzip" });
  assert.equal(second.headers["x-cache"], "HIT");
  assert.deepEqual(second.body, first.body);
});

test("pages the cache does not keep, other content types and bodies that do not decode pass as Next sent them", async () => {
  const uncached = await get("/ward?private");
  assert.equal(uncached.body.toString(), "<html><head></head><body>quiet /ward</body></html>");
  const json = await get("/data?json");
  assert.equal(json.body.toString(), "<html><head></head><body>quiet /data</body></html>");
  const broken = await get("/ward?gzip&broken", { "accept-encoding": "gzip" });
  assert.equal(broken.status, 200);
  assert.equal(broken.body.toString(), "not gzip at all");
});

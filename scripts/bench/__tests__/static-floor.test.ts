import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { buildStaticFloor, cssAssetPaths, pageAssetPaths, serveStatic, stripScripts } from "../static-floor";

// Ports from this worktree's range (3300–3349), clear of the benchmark's own 3300/3301.
const ORIGIN_PORT = 3347;
const FLOOR_PORT = 3348;

const PAGE = `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>
<link rel="modulepreload" href="/_next/static/chunks/module.js"/>
<link rel="preload" as="font" href="/_next/static/media/font.woff2" crossorigin=""/>
<link rel="icon" href="/icon.svg?icon.123.svg" sizes="any" type="image/svg+xml"/>
<script src="/_next/static/chunks/main.js" async="" nonce="abc"></script>
</head><body><h1>Orton Longueville</h1>
<a href="/areas/E05010808">Next ward</a><img src="/api/v1/images/map.svg" alt="map"/>
<script nonce="abc">self.__next_f.push([1,"<p>payload</p>"])</script>
<script
  type="application/json" id="data">{"a":"</div>"}</script >
<p>After the scripts</p></body></html>`;

test("stripScripts removes every script element and script preload, and keeps everything else", () => {
  const stripped = stripScripts(PAGE);
  assert.doesNotMatch(stripped, /<script/i);
  assert.doesNotMatch(stripped, /late\.js|module\.js|main\.js|__next_f/);
  for (const kept of ["site.css", "font.woff2", "icon.svg", "<h1>Orton Longueville</h1>", "<p>After the scripts</p>"]) {
    assert.ok(stripped.includes(kept), `expected "${kept}" to survive`);
  }
});

test("pageAssetPaths lists what the browser loads from this origin, not navigation links", () => {
  const paths = pageAssetPaths(stripScripts(PAGE)).sort();
  assert.deepEqual(paths, [
    "/_next/static/chunks/site.css",
    "/_next/static/media/font.woff2",
    "/api/v1/images/map.svg",
    "/icon.svg?icon.123.svg",
  ]);
  assert.deepEqual(
    pageAssetPaths('<link rel="stylesheet" href="//cdn.example/x.css"><img src="https://a.b/c.png">'),
    [],
  );
});

test("cssAssetPaths resolves url() against the stylesheet and skips data: and other origins", () => {
  const css = `@font-face{src:url(../media/a.woff2) format("woff2")}.x{background:url("/img/b.png")}
    .y{background:url(data:image/png;base64,AAAA)}.z{background:url('https://cdn.example/c.png')}`;
  assert.deepEqual(cssAssetPaths(css, "/_next/static/chunks/site.css"), ["/_next/static/media/a.woff2", "/img/b.png"]);
});

test("buildStaticFloor copies the page without scripts and its assets; serveStatic serves them, compressed as the app's", async (t) => {
  const bodies: Record<string, string> = {
    "/areas/E05010807": PAGE,
    "/_next/static/chunks/site.css": "body{color:#123}@font-face{src:url(../media/font.woff2)}".repeat(40),
    "/_next/static/media/font.woff2": "font-bytes",
    "/icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "/api/v1/images/map.svg": "<svg/>",
  };
  const requested: string[] = [];
  const origin = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://origin").pathname;
    requested.push(pathname);
    const body = bodies[pathname];
    response.writeHead(body === undefined ? 404 : 200).end(body ?? "missing");
  });
  await new Promise<void>((resolve) => origin.listen(ORIGIN_PORT, "127.0.0.1", resolve));
  t.after(() => origin.close());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "static-floor-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const floor = await buildStaticFloor(`http://127.0.0.1:${ORIGIN_PORT}`, "/areas/E05010807", dir);
  assert.equal(floor.files, 5); // index.html + css + font (from the CSS and the preload) + icon + image
  assert.ok(!requested.some((p) => p.endsWith(".js")), "no script is fetched for the floor");
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  assert.equal(html, stripScripts(PAGE));
  assert.equal(fs.readFileSync(path.join(dir, "icon.svg"), "utf8"), bodies["/icon.svg"]);

  const server = await serveStatic(dir, FLOOR_PORT);
  t.after(() => server.close());
  const base = `http://127.0.0.1:${FLOOR_PORT}`;
  const page = await fetch(`${base}/`);
  assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(await page.text(), html);
  const css = await fetch(`${base}/_next/static/chunks/site.css`, { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(css.headers.get("content-encoding"), "gzip");
  assert.equal(await css.text(), bodies["/_next/static/chunks/site.css"]);
  // Brotli where the browser takes it, as the front server sends the app's pages.
  const brotli = await new Promise<{ encoding?: string; body: Buffer }>((resolve) =>
    http.get(`${base}/_next/static/chunks/site.css`, { headers: { "accept-encoding": "gzip, br" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
      );
    }),
  );
  assert.equal(brotli.encoding, "br");
  assert.equal(zlib.brotliDecompressSync(brotli.body).toString(), bodies["/_next/static/chunks/site.css"]);
  const plain = await new Promise<http.IncomingMessage>((resolve) => http.get(`${base}/icon.svg`, resolve));
  assert.equal(plain.headers["content-encoding"], undefined, "nothing compressed without Accept-Encoding");
  plain.resume();
  // An encoded "../" reaches the server as such (fetch would normalise a plain one away).
  const escape = await new Promise<http.IncomingMessage>((resolve) =>
    http.get(`${base}/..%2f..%2f..%2fetc%2fhostname`, resolve),
  );
  escape.resume();
  assert.equal(escape.statusCode, 404, "nothing outside the floor's folder is served");
  assert.equal((await fetch(`${base}/missing.css`)).status, 404);
});

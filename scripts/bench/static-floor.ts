// The "static floor" of the page benchmark (npm run bench:pages): a page's own server-rendered HTML
// with every script removed, its CSS, fonts and icons saved beside it, served by a tiny static
// server. What the same content costs a visitor without any JavaScript.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import {
  compressForKeeping,
  encodedHeaders,
  isCompressible,
  negotiateEncoding,
  type ContentEncoding,
  type EncodedBodies,
} from "../../lib/server/compression";

/** The page without JavaScript: every <script> element and every preload of a script removed. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<link\b[^>]*>/gi, (link) =>
      /\brel=["']?modulepreload\b/i.test(link) ||
      (/\brel=["']?preload\b/i.test(link) && /\bas=["']?script\b/i.test(link))
        ? ""
        : link,
    );
}

/** Same-origin paths the browser loads from <link href> and <img src> (not <a href>: links are not loaded). */
export function pageAssetPaths(html: string): string[] {
  const paths = new Set<string>();
  for (const tag of html.match(/<(?:link|img|source)\b[^>]*>/gi) ?? []) {
    for (const [, url] of tag.matchAll(/\b(?:href|src)=["']([^"']+)["']/gi)) {
      if (url!.startsWith("/") && !url!.startsWith("//")) paths.add(url!);
    }
  }
  return [...paths];
}

/** Same-origin url(…) references in a stylesheet (fonts, images), resolved against the sheet's path. */
export function cssAssetPaths(css: string, sheetPath: string): string[] {
  const paths: string[] = [];
  for (const [, raw] of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
    if (raw!.startsWith("data:")) continue;
    const resolved = new URL(raw!, `http://floor${sheetPath}`);
    if (resolved.host === "floor") paths.push(resolved.pathname + resolved.search);
  }
  return paths;
}

/** Saves `base + urlPath` under `dir` at the same path (query dropped), returning the body. */
async function mirror(base: string, urlPath: string, dir: string): Promise<Buffer> {
  const response = await fetch(base + urlPath);
  if (!response.ok) throw new Error(`GET ${urlPath} for the static floor answered ${response.status}.`);
  const body = Buffer.from(await response.arrayBuffer());
  const file = path.join(dir, decodeURIComponent(new URL(urlPath, base).pathname));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  return body;
}

/** Writes dir/index.html (the page at `pagePath` without scripts) and the CSS, fonts and icons it loads. */
export async function buildStaticFloor(
  base: string,
  pagePath: string,
  dir: string,
): Promise<{ htmlBytes: number; files: number }> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const response = await fetch(base + pagePath);
  if (!response.ok) throw new Error(`${pagePath} answered ${response.status}; the static floor is made from it.`);
  const html = stripScripts(await response.text());
  if (/<script\b/i.test(html)) throw new Error("A <script> survived stripping; the floor would not be script-free.");
  fs.writeFileSync(path.join(dir, "index.html"), html);
  const pending = pageAssetPaths(html);
  const done = new Set<string>();
  while (pending.length > 0) {
    const urlPath = pending.pop()!;
    if (done.has(urlPath)) continue;
    done.add(urlPath);
    const body = await mirror(base, urlPath, dir);
    if (new URL(urlPath, base).pathname.endsWith(".css")) pending.push(...cssAssetPaths(body.toString(), urlPath));
  }
  return { htmlBytes: Buffer.byteLength(html), files: done.size + 1 };
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};
/**
 * Serves `dir` on 127.0.0.1:port, "/" being index.html. Text is compressed as the front server compresses
 * what it keeps (lib/server/compression.ts: brotli 11 or gzip, by Accept-Encoding), once per file, so the
 * floor's bytes compare with the app's. (The benchmark's untimed first request of each page makes them.)
 */
export function serveStatic(dir: string, port: number): Promise<http.Server> {
  const compressed = new Map<string, Promise<EncodedBodies>>();
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://floor").pathname);
    const file = path.resolve(dir, "." + (pathname === "/" ? "/index.html" : pathname));
    if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const body = fs.readFileSync(file);
    const headers: http.OutgoingHttpHeaders = {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    };
    let sent: { body: Buffer; encoding: ContentEncoding } = { body, encoding: "identity" };
    if (isCompressible(headers)) {
      if (!compressed.has(file)) compressed.set(file, compressForKeeping(body));
      const encoding = negotiateEncoding(request.headers["accept-encoding"]);
      const encoded = encoding === "identity" ? undefined : (await compressed.get(file)!)[encoding];
      if (encoded) sent = { body: encoded, encoding };
      Object.assign(headers, encodedHeaders(headers, sent.encoding));
    }
    headers["content-length"] = sent.body.byteLength;
    response.writeHead(200, headers).end(sent.body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new Error(`The static floor server could not listen on ${port}: ${error}`)));
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

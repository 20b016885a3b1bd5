import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";

// What the front server (`npm start`) sends each kind of response as: brotli to a client that accepts it,
// gzip to one that accepts only that, the bytes as they are to one that asks for neither, and the same
// content every way (lib/server/compression.ts). Raw requests, so that nothing decompresses on the way.

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

function decoded({ headers, body }: Raw): Buffer {
  if (headers["content-encoding"] === "br") return zlib.brotliDecompressSync(body);
  if (headers["content-encoding"] === "gzip") return zlib.gunzipSync(body);
  expect(headers["content-encoding"]).toBeUndefined();
  return body;
}

const TEXT = [
  "/",
  "/areas/E05010807",
  "/indicators/formal-volunteering",
  "/api/v1/areas",
  "/api/v1/indicators/belonging/observations?format=csv",
  "/api/v1/boundaries/E06000031",
  "/api/v1/images/map.svg?indicator=belonging",
  "/search?q=orton", // rendered per request, not kept: compressed as it streams
];

/** Pages rendered per request: two renders stream their React payload in whichever order its parts resolve. */
const RENDERED_PER_REQUEST = new Set(["/search?q=orton"]);

/**
 * What must be the same whichever encoding a response went out in: every byte, or, for a page rendered per
 * request, what the reader sees (its <main>), since the inline payload after it differs from render to render.
 */
function content(path: string, body: Buffer): string {
  const text = body.toString("utf8");
  if (!RENDERED_PER_REQUEST.has(path)) return text;
  const main = /<main[\s\S]*<\/main>/.exec(text)?.[0];
  expect(main, `${path} has a <main>`).toBeTruthy();
  return main!;
}

test("pages, API responses and downloads go out as brotli, gzip or as they are, by Accept-Encoding", async ({
  baseURL,
}) => {
  for (const path of TEXT) {
    await get(baseURL + path); // the first visit may be the one that generates it
    const plain = await get(baseURL + path);
    expect(plain.status, path).toBe(200);
    expect(plain.headers["content-encoding"], path).toBeUndefined();
    for (const [acceptEncoding, expected] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip, deflate", "gzip"],
      ["br;q=0.1, gzip;q=0.9", "gzip"],
    ] as const) {
      const response = await get(baseURL + path, { "accept-encoding": acceptEncoding });
      expect(response.headers["content-encoding"], `${path} for ${acceptEncoding}`).toBe(expected);
      expect(String(response.headers.vary), path).toMatch(/accept-encoding/i);
      expect(content(path, decoded(response)), `${path} for ${acceptEncoding}: the same content`).toBe(
        content(path, plain.body),
      );
      expect(response.body.length, path).toBeLessThan(plain.body.length);
    }
  }
});

test("a page kept by the front cache goes out as brotli at its best, with its length, much smaller than gzip", async ({
  baseURL,
}) => {
  const url = `${baseURL}/areas/E05010807`;
  await get(url, { "accept-encoding": "br" });
  // The kept copies are made off the request path within a moment of the first visit.
  await expect.poll(async () => (await get(url, { "accept-encoding": "br" })).headers["content-length"]).toBeDefined();
  const br = await get(url, { "accept-encoding": "br" });
  const gzip = await get(url, { "accept-encoding": "gzip" });
  expect(br.headers["x-cache"]).toBe("HIT");
  expect(Number(br.headers["content-length"])).toBe(br.body.length);
  const best = zlib.brotliCompressSync(decoded(br), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  expect(br.body.length).toBeLessThanOrEqual(best.length + 16);
  expect(br.body.length).toBeLessThan(gzip.body.length * 0.75);
});

test("a compressed download's ETag is weak, and revalidating with it gets a 304 without a body", async ({
  baseURL,
}) => {
  const url = `${baseURL}/api/v1/indicators/belonging/observations?format=csv`;
  const plain = await get(url);
  const strong = plain.headers.etag!;
  expect(strong).toMatch(/^"[^"]+"$/);
  const br = await get(url, { "accept-encoding": "br" });
  expect(br.headers.etag).toBe(`W/${strong}`);
  const revalidated = await get(url, { "accept-encoding": "br", "if-none-match": `W/${strong}` });
  expect(revalidated.status).toBe(304);
  expect(revalidated.headers.etag).toBe(`W/${strong}`);
  expect(revalidated.body.length).toBe(0);
  expect((await get(url, { "if-none-match": strong })).status).toBe(304);
});

test("images that are compressed already go out as they are", async ({ baseURL }) => {
  const png = await get(`${baseURL}/api/v1/images/map.png?indicator=belonging`, { "accept-encoding": "br, gzip" });
  expect(png.status).toBe(200);
  expect(png.headers["content-type"]).toBe("image/png");
  expect(png.headers["content-encoding"]).toBeUndefined();
});

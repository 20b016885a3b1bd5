import { once } from "node:events";
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import {
  addToVary,
  compressForKeeping,
  encodedHeaders,
  isCompressible,
  MIN_COMPRESSIBLE_BYTES,
  negotiateEncoding,
  notModifiedEntityTag,
  streamingCompressor,
  weakEntityTag,
} from "@/lib/server/compression";

test("Accept-Encoding: brotli when accepted, gzip otherwise, identity when neither or when not asked", () => {
  const cases: [string | undefined, string][] = [
    [undefined, "identity"], // no header: the bytes as they are, as wrk and curl expect
    ["", "identity"], // an empty header asks for no coding
    ["gzip, deflate, br, zstd", "br"], // Chrome
    ["gzip, deflate, br", "br"], // Firefox, Safari
    ["gzip, deflate", "gzip"],
    ["deflate, zstd", "identity"], // nothing we make
    ["BR", "br"], // names are case-insensitive
    ["x-gzip", "gzip"], // the old alias
    [" gzip ;q=1.0 , br ; q=0.9", "gzip"], // spaces around the parts
  ];
  for (const [header, expected] of cases) assert.equal(negotiateEncoding(header), expected, JSON.stringify(header));
});

test("Accept-Encoding q-values are honoured, ties go to the smaller encoding, q=0 refuses", () => {
  const cases: [string, string][] = [
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["br;q=0.8, gzip;q=0.8", "br"],
    ["gzip;q=0.5", "gzip"], // an unlisted identity ranks below any listed coding
    ["br;q=0, gzip", "gzip"],
    ["br;q=0, gzip;q=0", "identity"],
    ["gzip;q=0.5, identity", "identity"], // identity named, with a higher weight than gzip
    ["*", "br"],
    ["*;q=0.5, br;q=0.1", "gzip"], // * covers every coding not named: gzip 0.5 beats br 0.1
    ["br;q=0, *;q=0.3", "gzip"],
    ["identity;q=0, *;q=0", "identity"], // everything refused: the bytes as they are rather than a 406
    ["br;q=0.001, identity;q=0", "br"],
  ];
  for (const [header, expected] of cases) assert.equal(negotiateEncoding(header), expected, header);
});

test("malformed q-values are ignored with their entry, not read as a preference", () => {
  assert.equal(negotiateEncoding("br;q=2, gzip"), "gzip", "above 1");
  assert.equal(negotiateEncoding("br;q=-1, gzip"), "gzip", "negative");
  assert.equal(negotiateEncoding("br;q=abc, gzip"), "gzip", "not a number");
  assert.equal(negotiateEncoding("br;q=0.1234, gzip;q=0.5"), "gzip", "more than three decimals");
  assert.equal(negotiateEncoding("br;q=, gzip"), "gzip", "empty");
  assert.equal(negotiateEncoding("br;level=1"), "br", "other parameters do not matter");
  assert.equal(negotiateEncoding(["gzip", "br"]), "br", "a header sent twice counts as one list");
});

test("text, JSON, JavaScript, CSV and SVG compress; images, fonts, encoded or no-transform bodies do not", () => {
  for (const type of [
    "text/html; charset=utf-8",
    "text/csv; charset=utf-8",
    "text/x-component",
    "application/json",
    "application/json; charset=utf-8",
    "application/javascript; charset=UTF-8",
    "application/problem+json",
    "application/vnd.oai.openapi+json",
    "image/svg+xml; charset=utf-8",
  ]) {
    assert.equal(isCompressible({ "content-type": type }), true, type);
  }
  for (const type of ["image/png", "font/woff2", "application/octet-stream", "application/zip", "", "text"]) {
    assert.equal(isCompressible({ "content-type": type }), false, type || "(none)");
  }
  assert.equal(isCompressible({ "content-type": "text/html", "content-encoding": "gzip" }), false);
  assert.equal(isCompressible({ "content-type": "text/html", "content-encoding": "identity" }), true);
  assert.equal(
    isCompressible({ "content-type": "image/svg+xml", "cache-control": "public, immutable, no-transform" }),
    false,
  );
});

test("Vary gains Accept-Encoding once, whatever its case, and keeps what it had", () => {
  assert.equal(addToVary(undefined, "Accept-Encoding"), "Accept-Encoding");
  assert.equal(addToVary("rsc, next-url", "Accept-Encoding"), "rsc, next-url, Accept-Encoding");
  assert.equal(addToVary("rsc, accept-encoding", "Accept-Encoding"), "rsc, accept-encoding");
  assert.equal(addToVary(["rsc", "Origin"], "Accept-Encoding"), "rsc, Origin, Accept-Encoding");
  assert.equal(addToVary("*", "Accept-Encoding"), "*");
});

test("a 304 names the tag in the form the client holds: weak for a compressed body, strong for the bytes", () => {
  assert.equal(notModifiedEntityTag('"abc"', 'W/"abc"'), 'W/"abc"');
  assert.equal(notModifiedEntityTag('"abc"', '"abc"'), '"abc"');
  assert.equal(notModifiedEntityTag('"abc"', '"x", W/"abc"'), 'W/"abc"');
  assert.equal(notModifiedEntityTag('"abc"', '"abc", W/"abc"'), '"abc"', "both held: the strong one stands");
  assert.equal(notModifiedEntityTag('"abc"', "*"), '"abc"');
  assert.equal(notModifiedEntityTag('"abc"', undefined), '"abc"');
});

test("a compressed body's headers name its encoding and a weak tag; identity keeps the strong tag", () => {
  const original: Record<string, string> = {
    "content-type": "text/csv",
    "content-length": "30444",
    etag: '"abc"',
    vary: "rsc",
  };
  const br = encodedHeaders(original, "br");
  assert.equal(br["content-encoding"], "br");
  assert.equal(br.etag, 'W/"abc"');
  assert.equal(br.vary, "rsc, Accept-Encoding");
  assert.equal(br["content-length"], undefined, "the length is the encoded body's, set by the caller");
  const identity = encodedHeaders({ ...original, "content-encoding": "identity" }, "identity");
  assert.equal(identity.etag, '"abc"');
  assert.equal(identity["content-encoding"], undefined);
  assert.equal(identity.vary, "rsc, Accept-Encoding", "the identity answer varies on Accept-Encoding too");
  assert.equal(identity["content-length"], "30444", "the body as it is keeps its length");
  assert.equal(weakEntityTag('W/"abc"'), 'W/"abc"', "a weak tag stays as it is");
  assert.deepEqual(original.etag, '"abc"', "the stored headers are not changed");
});

test("bodies kept are brotli and gzip that decompress to the original, and smaller than it", async () => {
  const page = Buffer.from(
    `<!DOCTYPE html><html><body>${Array.from({ length: 2000 }, (_, i) => `<p>Ward ${i}: ${(i * 7) % 101}%</p>`).join("")}</body></html>`,
  );
  const kept = await compressForKeeping(page);
  assert.ok(kept.br && kept.gzip);
  assert.deepEqual(zlib.brotliDecompressSync(kept.br), page);
  assert.deepEqual(zlib.gunzipSync(kept.gzip), page);
  assert.ok(kept.br.length < kept.gzip.length, `brotli ${kept.br.length} < gzip ${kept.gzip.length}`);
  // Brotli at its best quality beats the fast setting used on the fly.
  const onTheFly = await new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    const compressor = streamingCompressor("br");
    compressor.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve(Buffer.concat(chunks)));
    compressor.end(page);
  });
  assert.ok(kept.br.length < onTheFly.length, `${kept.br.length} < ${onTheFly.length}`);

  assert.deepEqual(await compressForKeeping(Buffer.alloc(MIN_COMPRESSIBLE_BYTES - 1, 65)), {}, "too small to bother");
  // Random bytes do not shrink: nothing is kept that would be larger than the original.
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
  const keptNoise = await compressForKeeping(noise);
  for (const body of Object.values(keptNoise)) assert.ok(body.length < noise.length);
});

test("a streaming compressor flushes each chunk, so the first part arrives before the rest is written", async () => {
  for (const encoding of ["br", "gzip"] as const) {
    const compressor = streamingCompressor(encoding);
    const output: Buffer[] = [];
    compressor.on("data", (chunk: Buffer) => output.push(chunk));
    const firstOut = once(compressor, "data");
    compressor.write("<html><head><title>Shell</title></head><body>");
    // Whatever comes out before the end was flushed for the first chunk alone (no timer: a busy machine is slow).
    await firstOut;
    const early = Buffer.concat(output);
    const decodeSoFar = (body: Buffer) =>
      encoding === "br"
        ? zlib.brotliDecompressSync(body, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
        : zlib.gunzipSync(body, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    assert.match(decodeSoFar(early).toString(), /<title>Shell<\/title>/, `${encoding}: the shell came out at once`);
    const done = new Promise((resolve) => compressor.on("end", resolve));
    compressor.end("<p>The rest</p></body></html>");
    await done;
    const whole = Buffer.concat(output);
    const decoded = encoding === "br" ? zlib.brotliDecompressSync(whole) : zlib.gunzipSync(whole);
    assert.equal(
      decoded.toString(),
      "<html><head><title>Shell</title></head><body><p>The rest</p></body></html>",
      encoding,
    );
  }
});

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  createFrontServer,
  entryBytes,
  keyedUrl,
  ResponseCache,
  sharedMaxAge,
  type CachedResponse,
} from "@/lib/server/front-cache";

// A real upstream standing in for Next: each path answers with the headers the test asks for, and counts calls.
const calls = new Map<string, number>();
let revalidateStatus = 200;
const heldResponses: http.ServerResponse[] = [];
const heldArrivals: (() => void)[] = [];
const upstream = http.createServer((request, response) => {
  const url = new URL(request.url!, "http://x");
  calls.set(url.pathname, (calls.get(url.pathname) ?? 0) + 1);
  const body = `${url.pathname} #${calls.get(url.pathname)} rsc=${request.headers.rsc ?? ""}`;
  if (url.pathname === "/held") {
    // Answered when the test says so: a response still on its way.
    response.writeHead(200, { "content-type": "text/plain", "cache-control": "s-maxage=60" });
    heldResponses.push(response);
    heldArrivals.shift()?.();
    return;
  }
  if (url.pathname === "/flood") return flood(response);
  if (url.pathname === "/endless") {
    // Streams until the request goes away: a long export, say.
    response.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
    const timer = setInterval(() => response.write("more\n"), 20);
    request.on("close", () => {
      clearInterval(timer);
      endlessClosed.shift()?.();
    });
    return;
  }
  if (url.pathname === "/broken") {
    // Fails mid-body: headers and part of the body are out, then the connection is reset.
    response.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
    response.write("the first half", () => setTimeout(() => request.socket.resetAndDestroy(), 20));
    return;
  }
  if (url.pathname === "/api/revalidate") {
    response.writeHead(revalidateStatus, { "content-type": "application/json" });
    return response.end("{}");
  }
  const headers: Record<string, string> = {
    "content-type": "text/html",
    "cache-control": url.searchParams.get("cc") ?? "s-maxage=60, stale-while-revalidate=600",
  };
  if (url.searchParams.get("vary")) headers.vary = url.searchParams.get("vary")!;
  if (url.searchParams.get("nextcache")) headers["x-nextjs-cache"] = url.searchParams.get("nextcache")!;
  response.writeHead(Number(url.searchParams.get("status") ?? 200), headers);
  if (url.pathname === "/big") {
    // Streamed in pieces, as Next streams a page.
    for (let i = 0; i < 64; i++) response.write(Buffer.alloc(16 * 1024, 65 + (i % 26)));
    return response.end();
  }
  response.end(body);
});

const endlessClosed: (() => void)[] = [];
const FLOOD_BYTES = 64 * 1024 * 1024;
const flooding = { written: 0, done: false, settled: () => {} };

/** Writes FLOOD_BYTES as fast as the reader takes them; settles when done, or when the reader stops taking them. */
function flood(response: http.ServerResponse) {
  response.writeHead(200, { "content-type": "application/octet-stream", "cache-control": "no-store" });
  const chunk = Buffer.alloc(64 * 1024, 66);
  const pump = () => {
    while (flooding.written < FLOOD_BYTES) {
      flooding.written += chunk.length;
      if (!response.write(chunk)) {
        const stall = setTimeout(() => flooding.settled(), 500);
        return void response.once("drain", () => (clearTimeout(stall), pump()));
      }
    }
    flooding.done = true;
    flooding.settled();
    response.end();
  };
  pump();
}

let clock = 1_000_000;
let front: ReturnType<typeof createFrontServer>;
let base = "";

before(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  front = createFrontServer({ upstreamPort: (upstream.address() as AddressInfo).port, now: () => clock });
  await new Promise<void>((resolve) => front.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(front.server.address() as AddressInfo).port}`;
});
after(() => {
  front.server.close();
  upstream.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  return {
    status: response.status,
    cache: response.headers.get("x-cache"),
    age: response.headers.get("age"),
    body: await response.text(),
  };
}

test("a shareable page is fetched from upstream once, then answered from memory until s-maxage passes", async () => {
  const first = await get("/page-a");
  const second = await get("/page-a");
  assert.equal(first.cache, "MISS");
  assert.equal(second.cache, "HIT");
  assert.equal(second.body, first.body);
  assert.equal(calls.get("/page-a"), 1);
  clock += 30_000;
  assert.equal((await get("/page-a")).age, "30");
  clock += 31_000; // past s-maxage=60
  const expired = await get("/page-a");
  assert.equal(expired.cache, "MISS");
  assert.equal(calls.get("/page-a"), 2);
});

test("responses a shared cache must not keep are always passed through", async () => {
  for (const [path, why] of [
    ["/p1?cc=private,%20no-cache,%20no-store,%20max-age=0", "private"],
    ["/p2?cc=max-age=300", "no s-maxage, and not said to be public"],
    ["/p3?vary=Cookie", "varies on a header the key does not hold"],
    ["/p4?status=404", "not a 200"],
    ["/p5?nextcache=STALE", "served stale while Next regenerates it"],
  ] as const) {
    await get(path);
    await get(path);
    assert.equal(calls.get(new URL(path, "http://x").pathname), 2, why);
  }
});

test("variants the page varies on are kept apart; credentials and conditional requests skip the cache", async () => {
  const html = await get("/page-b?vary=rsc,%20Accept-Encoding");
  const rsc = await get("/page-b?vary=rsc,%20Accept-Encoding", { rsc: "1" });
  assert.notEqual(rsc.body, html.body, "an RSC request is not answered with the HTML");
  assert.equal((await get("/page-b?vary=rsc,%20Accept-Encoding", { rsc: "1" })).body, rsc.body);
  assert.equal(calls.get("/page-b"), 2);
  const bypassing: Record<string, string>[] = [
    { authorization: "Bearer x" },
    { "if-none-match": `"x"` },
    { range: "bytes=0-1" },
  ];
  for (const headers of bypassing) {
    assert.equal((await get("/page-b?vary=rsc,%20Accept-Encoding", headers)).cache, null, JSON.stringify(headers));
  }
  assert.equal(calls.get("/page-b"), 5);
});

test("a successful POST /api/revalidate empties the cache, whatever its query; a refused one does not", async () => {
  await get("/page-c");
  assert.equal((await get("/page-c")).cache, "HIT");
  revalidateStatus = 401;
  await fetch(base + "/api/revalidate", { method: "POST" });
  assert.equal((await get("/page-c")).cache, "HIT");
  revalidateStatus = 200;
  await fetch(base + "/api/revalidate", { method: "POST" });
  assert.equal((await get("/page-c")).cache, "MISS");
  assert.equal((await get("/page-c")).cache, "HIT");
  await fetch(base + "/api/revalidate?source=import-cli", { method: "POST" });
  assert.equal((await get("/page-c")).cache, "MISS", "a query string does not hide the revalidation");
});

test("a response on its way while the cache is emptied is passed on but not kept: it may predate the import", async () => {
  const arrived = new Promise<void>((resolve) => heldArrivals.push(resolve));
  const inFlight = get("/held");
  await arrived; // upstream has the request and is working on it
  await fetch(base + "/api/revalidate", { method: "POST" });
  heldResponses.shift()!.end("rendered from the data before the import");
  assert.equal((await inFlight).body, "rendered from the data before the import");

  const arrivedAgain = new Promise<void>((resolve) => heldArrivals.push(resolve));
  const next = get("/held");
  const fromMemory = await Promise.race([
    next.then((answer) => answer.cache === "HIT"),
    arrivedAgain.then(() => false),
  ]);
  assert.equal(fromMemory, false, "the response from before the import was kept");
  heldResponses.shift()!.end("rendered from the new data");
  assert.equal((await next).cache, "MISS");
  assert.equal((await get("/held")).body, "rendered from the new data");
  assert.equal(calls.get("/held"), 2);
});

test("pages share one entry whatever parameters they do not read, and keep apart those they do", async () => {
  const ward = "/areas/E05010806";
  assert.equal((await get(`${ward}?fbclid=abc`)).cache, "MISS");
  assert.equal((await get(`${ward}?utm_source=newsletter&utm_medium=email`)).cache, "HIT");
  assert.equal((await get(ward)).cache, "HIT");
  assert.equal((await get(`${ward}?indicator=belonging`)).cache, "MISS");
  assert.equal((await get(`${ward}?indicator=belonging&fbclid=x`)).cache, "HIT");
  assert.equal((await get(`${ward}?indicator=formal-volunteering`)).cache, "MISS");
  assert.equal(calls.get(ward), 3);

  assert.equal((await get("/?period=2023&indicator=belonging&_rsc=1a2b")).cache, "MISS");
  assert.equal((await get("/?indicator=belonging&period=2023")).cache, "HIT", "order does not matter");
  assert.equal((await get("/?indicator=belonging&period=2024")).cache, "MISS");
  assert.equal(calls.get("/"), 2);

  // Routes whose parameters the front does not know (the API) keep their query as sent.
  assert.equal((await get("/api/v1/thing?fbclid=1")).cache, "MISS");
  assert.equal((await get("/api/v1/thing?fbclid=2")).cache, "MISS");
  assert.equal((await get("/api/v1/thing?fbclid=2")).cache, "HIT");
  // Past the length limit nothing is kept.
  const long = `/api/v1/thing?junk=${"x".repeat(600)}`;
  assert.equal((await get(long)).cache, null);
  assert.equal((await get(long)).cache, null);
  assert.equal(calls.get("/api/v1/thing"), 4);
});

test("the cache key keeps a page's own parameters, sorted, and the rest of any URL as sent", () => {
  assert.equal(keyedUrl("/areas/E05010805?utm_source=x&indicator=belonging"), "/areas/E05010805?indicator=belonging");
  assert.equal(keyedUrl("/areas/E05010805?fbclid=1"), "/areas/E05010805");
  assert.equal(keyedUrl("/?sort=name&indicator=belonging&gclid=2"), "/?indicator=belonging&sort=name");
  assert.equal(
    keyedUrl("/indicators/belonging?from=E05010805&period=2023&x=1"),
    "/indicators/belonging?from=E05010805&period=2023",
  );
  assert.equal(keyedUrl("/api/v1/areas?b=2&a=1"), "/api/v1/areas?b=2&a=1");
  // Build files are named by their content: any query is junk, and must not make an entry of its own.
  assert.equal(keyedUrl("/_next/static/chunks/0a1b.js?v=123"), "/_next/static/chunks/0a1b.js");
  assert.equal(keyedUrl("/search?q=orton&utm_source=x"), "/search?q=orton&utm_source=x", "not a cached page: kept");
  // The path is not parsed: a protocol-relative target is not mistaken for the page it ends in.
  assert.equal(keyedUrl("//elsewhere/areas/E05010805?fbclid=1"), "//elsewhere/areas/E05010805?fbclid=1");
});

test("streamed bodies arrive whole, from upstream and from the cache", async () => {
  const first = await get("/big");
  const second = await get("/big");
  assert.equal(first.body.length, 64 * 16 * 1024);
  assert.equal(second.cache, "HIT");
  assert.equal(second.body, first.body);
});

/** A GET through the front with node's client: the parts as they come, and whether the body arrived whole. */
function rawGet(path: string, onResponse?: (response: http.IncomingMessage) => void) {
  return new Promise<{ text: string; complete: boolean }>((resolve) => {
    let text = "";
    const request = http.get(base + path, (response) => {
      response.setEncoding("utf8");
      response.on("data", (part: string) => (text += part));
      response.on("close", () => resolve({ text, complete: response.complete }));
      response.on("error", () => {});
      onResponse?.(response);
    });
    request.on("error", () => resolve({ text, complete: false }));
  });
}

test(
  "a client that reads slowly slows the reading from upstream, rather than the body piling up in between",
  {
    timeout: 30_000,
  },
  async () => {
    let paused: http.IncomingMessage | undefined;
    const settled = new Promise<void>((resolve) => (flooding.settled = resolve));
    const answer = rawGet("/flood", (response) => (paused = response.pause()));
    // Either upstream gets stuck waiting for the reader (backpressure), or it writes all it has.
    await settled;
    assert.equal(flooding.done, false, "upstream wrote the whole body while the client read nothing");
    assert.ok(flooding.written < FLOOD_BYTES / 2, `${flooding.written} bytes written before upstream had to wait`);
    paused!.resume();
    const { text, complete } = await answer;
    assert.ok(complete);
    assert.equal(text.length, FLOOD_BYTES);
  },
);

test("a client that leaves stops the request upstream", { timeout: 10_000 }, async () => {
  const upstreamClosed = new Promise<void>((resolve) => endlessClosed.push(resolve));
  const answer = rawGet("/endless", (response) => response.once("data", () => response.destroy()));
  assert.equal((await answer).complete, false);
  await upstreamClosed; // without the abort, upstream streams on for a client that is gone
});

test("a body that fails midway is cut off for the client, with nothing added to it", { timeout: 10_000 }, async () => {
  const { text, complete } = await rawGet("/broken");
  assert.equal(complete, false, "the client can tell the body is incomplete");
  assert.equal(text, "the first half");
});

test(
  "a kept-alive connection that upstream reset as it was used again is retried, not answered 502",
  {
    timeout: 10_000,
  },
  async () => {
    // A stand-in for Next closing an idle connection just as the front sends on it: every second request
    // on a connection is answered with a reset.
    const served = new WeakMap<object, number>();
    const resetting = http.createServer((request, response) => {
      const count = (served.get(request.socket) ?? 0) + 1;
      served.set(request.socket, count);
      if (count > 1) return void request.socket.resetAndDestroy();
      response.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
      response.end(`answer ${request.url}`);
    });
    await new Promise<void>((resolve) => resetting.listen(0, "127.0.0.1", resolve));
    const front = createFrontServer({ upstreamPort: (resetting.address() as AddressInfo).port });
    await new Promise<void>((resolve) => front.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(front.server.address() as AddressInfo).port}`;
    try {
      for (const path of ["/one", "/two", "/three"]) {
        const response = await fetch(url + path);
        assert.equal(response.status, 200, path);
        assert.equal(await response.text(), `answer ${path}`);
      }
    } finally {
      front.server.close();
      resetting.close();
    }
  },
);

/** A kept response for the cache's own tests: a body of `bytes` (or the given one), stored at 0, expiring at 1. */
function keptResponse({
  bytes = 0,
  headers = {},
  compressible = false,
}: { bytes?: number; headers?: Record<string, string>; compressible?: boolean } = {}): CachedResponse {
  const body = Buffer.alloc(bytes);
  return { status: 200, headers, body, compressible, encoded: compressible ? null : {}, storedAt: 0, expiresAt: 1 };
}

test("the cache holds at most its byte budget, dropping the least recently used first", () => {
  const cache = new ResponseCache(1000, () => 0);
  const entry = (bytes: number) => keptResponse({ bytes });
  cache.set("a", entry(90));
  cache.set("b", entry(90));
  cache.get("a"); // a is now more recent than b
  for (let i = 0; i < 9; i++) cache.set(`c${i}`, entry(90)); // 1,010 bytes with the keys: one must go
  assert.ok(cache.get("a"), "recently used survives");
  assert.equal(cache.get("b"), undefined, "least recently used went first");
  cache.set("huge", entry(600)); // more than an eighth of the budget: never kept
  assert.equal(cache.get("huge"), undefined);
});

test("the byte budget counts keys and headers as well as bodies", () => {
  const cache = new ResponseCache(2000, () => 0);
  const headers = { "content-security-policy": "x".repeat(200) };
  const bodiless = keptResponse({ headers });
  assert.ok(entryBytes("k0", bodiless) > 200);
  for (let i = 0; i < 10; i++) cache.set(`k${i}`, bodiless);
  assert.ok(cache.heldBytes <= 2000, `${cache.heldBytes} bytes held`);
  assert.ok(cache.size < 10, "entries with empty bodies still cost their headers");
  assert.ok(cache.get("k9"), "the newest stays");

  const longKeys = new ResponseCache(1000, () => 0);
  const empty = keptResponse();
  for (let i = 0; i < 10; i++) longKeys.set(`${i}`.padEnd(120, "-"), empty);
  assert.ok(longKeys.heldBytes <= 1000 && longKeys.size < 10, "keys count too");
});

test("sharedMaxAge reads s-maxage and refuses what a shared cache must not keep", () => {
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=86400, stale-while-revalidate=31449600" }), 86400);
  assert.equal(sharedMaxAge({ "cache-control": "public, max-age=300, s-maxage=3600" }), 3600);
  assert.equal(sharedMaxAge({ "cache-control": "private, s-maxage=60" }), null);
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=60", "set-cookie": ["a=b"] }), null);
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=60", vary: "*" }), null);
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=0" }), null);
  // Without s-maxage, max-age counts for a shared cache only when the response says it is public.
  assert.equal(sharedMaxAge({ "cache-control": "public, max-age=31536000, immutable" }), 31536000);
  assert.equal(sharedMaxAge({ "cache-control": "max-age=300" }), null);
  assert.equal(sharedMaxAge({ "cache-control": "public, max-age=0" }), null);
  assert.equal(sharedMaxAge({ "cache-control": "public, max-age=60", vary: "Accept-Encoding" }), 60);
});

test("the compressed copies of an entry count against the budget once they are made", () => {
  const cache = new ResponseCache(100_000, () => 0);
  const entry = keptResponse({ bytes: 1000, compressible: true });
  cache.set("page", entry);
  const before = cache.heldBytes;
  cache.addEncoded("page", entry, { br: Buffer.alloc(100), gzip: Buffer.alloc(200) });
  assert.equal(cache.heldBytes, before + 300);
  assert.deepEqual(cache.get("page")?.encoded, { br: Buffer.alloc(100), gzip: Buffer.alloc(200) });
  // Copies made for an entry that has since been replaced are dropped, not put into the new one.
  const replacement = { ...entry, body: Buffer.alloc(10), encoded: null };
  cache.set("page", replacement);
  cache.addEncoded("page", entry, { br: Buffer.alloc(100) });
  assert.equal(cache.get("page")?.encoded, null);
});

test("when upstream is down the front says so with a 502, not a hang", async () => {
  const lonely = createFrontServer({ upstreamPort: 1 });
  await new Promise<void>((resolve) => lonely.server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(lonely.server.address() as AddressInfo).port}/`);
    assert.equal(response.status, 502);
    assert.match(await response.text(), /starting or restarting/);
  } finally {
    lonely.server.close();
  }
});

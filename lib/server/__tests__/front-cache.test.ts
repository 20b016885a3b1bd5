import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createFrontServer, ResponseCache, sharedMaxAge } from "@/lib/server/front-cache";

// A real upstream standing in for Next: each path answers with the headers the test asks for, and counts calls.
const calls = new Map<string, number>();
let revalidateStatus = 200;
const upstream = http.createServer((request, response) => {
  const url = new URL(request.url!, "http://x");
  calls.set(url.pathname, (calls.get(url.pathname) ?? 0) + 1);
  const body = `${url.pathname} #${calls.get(url.pathname)} rsc=${request.headers.rsc ?? ""}`;
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
    ["/p2?cc=public,%20max-age=300", "no s-maxage"],
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

test("a successful POST /api/revalidate empties the cache; a refused one does not", async () => {
  await get("/page-c");
  assert.equal((await get("/page-c")).cache, "HIT");
  revalidateStatus = 401;
  await fetch(base + "/api/revalidate", { method: "POST" });
  assert.equal((await get("/page-c")).cache, "HIT");
  revalidateStatus = 200;
  await fetch(base + "/api/revalidate", { method: "POST" });
  assert.equal((await get("/page-c")).cache, "MISS");
});

test("streamed bodies arrive whole, from upstream and from the cache", async () => {
  const first = await get("/big");
  const second = await get("/big");
  assert.equal(first.body.length, 64 * 16 * 1024);
  assert.equal(second.cache, "HIT");
  assert.equal(second.body, first.body);
});

test("the cache holds at most its byte budget, dropping the least recently used first", () => {
  const cache = new ResponseCache(1000, () => 0);
  const entry = (bytes: number) => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), storedAt: 0, expiresAt: 1 });
  cache.set("a", entry(100));
  cache.set("b", entry(100));
  cache.get("a"); // a is now more recent than b
  for (let i = 0; i < 9; i++) cache.set(`c${i}`, entry(100)); // 1,100 bytes: one must go
  assert.ok(cache.get("a"), "recently used survives");
  assert.equal(cache.get("b"), undefined, "least recently used went first");
  cache.set("huge", entry(600)); // more than an eighth of the budget: never kept
  assert.equal(cache.get("huge"), undefined);
});

test("sharedMaxAge reads s-maxage and refuses what a shared cache must not keep", () => {
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=86400, stale-while-revalidate=31449600" }), 86400);
  assert.equal(sharedMaxAge({ "cache-control": "public, max-age=300, s-maxage=3600" }), 3600);
  assert.equal(sharedMaxAge({ "cache-control": "private, s-maxage=60" }), null);
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=60", "set-cookie": ["a=b"] }), null);
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=60", vary: "*" }), null);
  assert.equal(sharedMaxAge({ "cache-control": "s-maxage=0" }), null);
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

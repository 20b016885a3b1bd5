import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { dashboardUrls, isAuthorised, requestRevalidation, REVALIDATE_PATH } from "@/lib/cache/revalidation";

test("only the exact bearer token authorises a revalidation", () => {
  assert.ok(isAuthorised("Bearer s3cret-token", "s3cret-token"));
  for (const header of [
    null,
    "",
    "s3cret-token",
    "Bearer ",
    "Bearer s3cret-toke",
    "Bearer s3cret-token2",
    "bearer s3cret-token",
  ]) {
    assert.equal(isAuthorised(header, "s3cret-token"), false, String(header));
  }
  // No token configured: revalidation is off, whatever is sent.
  assert.equal(isAuthorised("Bearer ", null), false);
  assert.equal(isAuthorised("Bearer anything", null), false);
});

test("dashboards to tell: CIVIC_PULSE_URL's list, else this machine's PORT", () => {
  assert.deepEqual(dashboardUrls({ CIVIC_PULSE_URL: " http://a:3000/ , https://b.example " }), [
    "http://a:3000",
    "https://b.example",
  ]);
  assert.deepEqual(dashboardUrls({ PORT: "4100" }), ["http://127.0.0.1:4100"]);
  assert.deepEqual(dashboardUrls({}), ["http://127.0.0.1:3000"]);
});

test("every dashboard is asked with the token; one that is down or refuses is reported, not thrown", async () => {
  const seen: { path?: string; authorization?: string }[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ path: request.url, authorization: request.headers.authorization });
    response.statusCode = request.headers.authorization === "Bearer t0ken" ? 200 : 401;
    response.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const up = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nothing listens on: bind one, note it, close it.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const down = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  try {
    const results = await requestRevalidation({
      CIVIC_PULSE_URL: `${up},${down}`,
      CIVIC_PULSE_REVALIDATE_TOKEN: "t0ken",
    });
    assert.deepEqual(results[0], { url: up, ok: true });
    assert.deepEqual(results[1], { url: down, ok: false, reason: "not running" });
    assert.deepEqual(seen, [{ path: REVALIDATE_PATH, authorization: "Bearer t0ken" }]);

    const refused = await requestRevalidation({ CIVIC_PULSE_URL: up, CIVIC_PULSE_REVALIDATE_TOKEN: "wrong" });
    assert.deepEqual(refused, [{ url: up, ok: false, reason: "answered 401" }]);
  } finally {
    server.close();
  }
});

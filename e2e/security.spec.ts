// Security headers on every kind of response, and the pages still working under the CSP.
// The suite runs against a production server (`npm start`), so the production policy is the one checked.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ExplorerPage } from "./pages/explorer-page";
import { WardPage } from "./pages/ward-page";
import { queryDatabase } from "./support/database";

type Headers = Record<string, string>;

/** A CSP header as a browser reads it: directives split on ";", sources on whitespace. */
function parseCsp(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What every response carries, whatever it is. */
function expectCommonHeaders(headers: Headers, what: string) {
  const csp = parseCsp(headers["content-security-policy"]);
  expect(csp.size, `${what}: Content-Security-Policy`).toBeGreaterThan(0);
  for (const [name, sources] of csp) expect(sources, `${what}: ${name}`).not.toContain("'unsafe-eval'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  const permissions = headers["permissions-policy"] ?? "";
  for (const feature of ["camera", "microphone", "geolocation"]) {
    expect(permissions, `${what}: Permissions-Policy ${feature}`).toMatch(new RegExp(`(^|,\\s*)${feature}=\\(\\)`));
  }
  expect(headers["x-powered-by"], what).toBeUndefined();
  // Plain HTTP: HSTS must not be sent (RFC 6797 §7.2).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

/** Pages (and anything else a browser may render as one): own-origin only, no eval, no framing. */
function expectDocumentPolicy(headers: Headers, what: string) {
  expectCommonHeaders(headers, what);
  const csp = parseCsp(headers["content-security-policy"]);
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  const scripts = csp.get("script-src") ?? [];
  // This site's files, and the inline bootstrap scripts Next writes into every page (a cached page cannot
  // carry a per-request nonce: see docs/decisions.md).
  expect(new Set(scripts), what).toEqual(new Set(["'self'", "'unsafe-inline'"]));
  expect(csp.get("img-src"), what).toEqual(expect.arrayContaining(["'self'", "data:", "blob:"]));
  expect(csp.get("style-src"), what).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(headers["x-frame-options"], what).toBe("DENY");
  // No third-party host anywhere: keywords, data: and blob: only.
  for (const [name, sources] of csp) {
    for (const source of sources) {
      expect(/^'[^']+'$/.test(source) || ["data:", "blob:"].includes(source), `${what}: ${name} ${source}`).toBe(true);
    }
  }
}

/** API data and build assets: nothing may load or run if a browser opens one as a document. */
function expectResourcePolicy(headers: Headers, what: string) {
  expectCommonHeaders(headers, what);
  const csp = parseCsp(headers["content-security-policy"]);
  expect(csp.get("default-src"), what).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(headers["x-frame-options"], what).toBe("DENY");
}

async function get(request: APIRequestContext, url: string, headers: Headers = {}) {
  const response = await request.get(url, { maxRedirects: 0, headers });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

async function staticScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/")).text();
  const js = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
  expect(js, "the home page loads a script from /_next/static").toBeTruthy();
  return js!;
}

test("every kind of response carries the security headers", async ({ request }) => {
  const documents: [string, string, number, RegExp][] = [
    ["home page", "/", 200, /text\/html/],
    ["ward page", "/areas/E05010807", 200, /text\/html/],
    ["indicator page", "/indicators/belonging", 200, /text\/html/],
    ["search page", "/search?q=no+such+ward", 200, /text\/html/],
    ["404 page", "/no-such-page", 404, /text\/html/],
    ["404 from a page's own check", "/areas/E99999999", 404, /text\/html/],
    ["refused address", "/areas/%ZZ", 400, /text\/plain/],
    ["site icon", "/icon.svg", 200, /image\/svg\+xml/],
  ];
  for (const [what, url, status, type] of documents) {
    const response = await get(request, url);
    expect(response.status, what).toBe(status);
    expect(response.headers["content-type"], what).toMatch(type);
    expectDocumentPolicy(response.headers, what);
  }

  const js = await staticScript(request);
  const resources: [string, string, number, RegExp][] = [
    ["API JSON", "/api/v1/areas", 200, /application\/json/],
    ["API CSV", "/api/v1/observations?area=E05010807&format=csv", 200, /text\/csv/],
    ["API error", "/api/v1/observations?period=yesterday", 400, /application\/json/],
    ["API 404", "/api/v1/areas/E99999999", 404, /application\/json/],
    ["boundaries", "/api/v1/boundaries/E06000031", 200, /application\/json/],
    ["OpenAPI document", "/api/v1/openapi.json", 200, /application\/json/],
    ["static script", js, 200, /javascript/],
  ];
  for (const [what, url, status, type] of resources) {
    const response = await get(request, url);
    expect(response.status, what).toBe(status);
    expect(response.headers["content-type"], what).toMatch(type);
    expectResourcePolicy(response.headers, what);
  }
});

test("ward pages come from the cache: the same document every time, cacheable by a CDN", async ({ request }) => {
  const paths = ["/areas/E05010807", "/areas/E05010807?indicator=belonging"];
  for (const path of paths) {
    await get(request, path); // the first visit may be the one that generates it
    const first = await get(request, path);
    const second = await get(request, path);
    expect(first.status, path).toBe(200);
    expect(second.body, `${path}: byte-identical documents (nothing per request, so nothing per visitor)`).toBe(
      first.body,
    );
    // From the front cache (npm start) or Next's page cache (next start alone): never rendered for this request.
    expect([first.headers["x-cache"], first.headers["x-nextjs-cache"]], `${path}: served from a cache`).toContain(
      "HIT",
    );
    const cacheControl = first.headers["cache-control"] ?? "";
    expect(cacheControl, path).toMatch(/s-maxage=\d+/);
    expect(cacheControl, path).toMatch(/stale-while-revalidate/);
    expect(cacheControl, path).not.toMatch(/private|no-store/);
    // Scripts come from this site's build only.
    for (const src of first.body.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) expect(src[1], path).toMatch(/^\/_next\//);
  }
  // The indicator named in the query is the one the page shows.
  const belonging = await get(request, "/areas/E05010807?indicator=belonging");
  const volunteering = await get(request, "/areas/E05010807");
  expect(belonging.body).not.toBe(volunteering.body);
});

test("HSTS is sent when the request came over HTTPS (a TLS-terminating proxy says so)", async ({ request }) => {
  const overHttps = await get(request, "/", { "X-Forwarded-Proto": "https" });
  const maxAge = Number(/max-age=(\d+)/.exec(overHttps.headers["strict-transport-security"] ?? "")?.[1]);
  expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 3600);
  const overHttp = await get(request, "/");
  expect(overHttp.headers["strict-transport-security"]).toBeUndefined();
});

test("behind a TLS-terminating proxy, views that proxy.ts rewrites still render (no 500)", async ({ request }) => {
  // Next started on 127.0.0.1 proxied these rewrites to itself over https, and failed (next.js #94745).
  for (const path of [
    "/?indicator=belonging",
    "/areas/E05010807?indicator=belonging",
    "/indicators/belonging?from=E05010807",
  ]) {
    const response = await get(request, path, { "X-Forwarded-Proto": "https" });
    expect(response.status, path).toBe(200);
  }
});

test("/embed/ responses may be framed by anyone; everything else may not", async ({ request }) => {
  const embed = await get(request, "/embed/anything");
  expect(parseCsp(embed.headers["content-security-policy"]).get("frame-ancestors")).toEqual(["*"]);
  expect(embed.headers["x-frame-options"]).toBeUndefined();
  expectCommonHeaders(embed.headers, "/embed/anything");
  const home = await get(request, "/");
  expect(parseCsp(home.headers["content-security-policy"]).get("frame-ancestors")).toEqual(["'none'"]);
  expect(home.headers["x-frame-options"]).toBe("DENY");
});

/** Collects CSP violations: console reports and securitypolicyviolation events. */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return async () => [
    ...violations,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

test("the map and the trend chart work under the CSP, with no violations", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const explorer = new ExplorerPage(page);
  await explorer.goto();
  // Leaflet's shapes need the page's scripts to have run: hydration, a dynamic import, a fetch.
  const wards = (
    await queryDatabase<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "Area" WHERE type = 'ward' AND "parentCode" = 'E06000031' AND "successorCode" IS NULL`,
    )
  )[0]!.n;
  expect(wards).toBe(22);
  await explorer.waitForMap(wards);
  expect(await violations()).toEqual([]);

  const ward = new WardPage(page);
  await ward.goto("E05010807");
  await ward.showInteractiveTrendChart();
  expect(await violations()).toEqual([]);
});

test("another site can frame an /embed/ page but not the dashboard", async ({ page, baseURL }) => {
  const frameAncestorReports: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("frame-ancestors")) frameAncestorReports.push(message.text());
  });
  // Another site: a page on another origin (another port of this machine, so no network rules get in
  // the way) that frames both.
  const html = `<!doctype html><title>Another site</title>
    <iframe id="embed" src="${baseURL}/embed/anything"></iframe>
    <iframe id="home" src="${baseURL}/"></iframe>`;
  const otherSite = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = otherSite.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    // Our documents are lang="en-GB"; the page a browser shows for a refused frame is not.
    await expect(page.frameLocator("#embed").locator('html[lang="en-GB"]')).toHaveCount(1);
    await expect.poll(() => frameAncestorReports.length).toBeGreaterThan(0);
    await expect(page.frameLocator("#home").locator('html[lang="en-GB"]')).toHaveCount(0);
    expect(frameAncestorReports.filter((text) => text.includes("/embed/"))).toEqual([]);
  } finally {
    otherSite.close();
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PERMISSIONS_POLICY,
  isEmbedPath,
  isResourcePath,
  securityHeaders,
  type ResponseContext,
} from "@/lib/security/headers";

/** Reads a CSP header the way a browser does: directives split on ";", sources on whitespace. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      assert.ok(!directives.has(name), `directive ${name} appears twice`);
      directives.set(name.toLowerCase(), sources);
    }
  }
  return directives;
}

const page = (overrides: Partial<ResponseContext> = {}): Record<string, string> =>
  securityHeaders({
    pathname: "/areas/E05010807",
    development: false,
    https: false,
    ...overrides,
  });
const csp = (headers: Record<string, string>) => parseCsp(headers["Content-Security-Policy"] ?? "");

test("production pages: no eval, scripts only from this site or inline, and the same policy every time", () => {
  const directives = csp(page());
  assert.deepEqual(directives.get("default-src"), ["'self'"]);
  const scripts = directives.get("script-src") ?? [];
  // Cached pages cannot carry a per-request nonce, so Next's inline bootstrap scripts run as inline scripts.
  assert.deepEqual(new Set(scripts), new Set(["'self'", "'unsafe-inline'"]));
  for (const [name, sources] of directives) {
    assert.ok(!sources.includes("'unsafe-eval'"), `${name} allows eval in production`);
  }
  // A page served from a cache to many people must have one policy, whoever asks.
  assert.equal(page()["Content-Security-Policy"], page()["Content-Security-Policy"]);
  assert.deepEqual(directives.get("object-src"), ["'none'"]);
  assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
});

test("development adds 'unsafe-eval' for React's dev tooling, and only to scripts", () => {
  const directives = csp(page({ development: true }));
  assert.ok(directives.get("script-src")?.includes("'unsafe-eval'"));
  const elsewhere = [...directives].filter(([name, s]) => name !== "script-src" && s.includes("'unsafe-eval'"));
  assert.deepEqual(elsewhere, []);
});

test("styles may be inline (Leaflet, Recharts): no nonce or hash, which would switch 'unsafe-inline' off", () => {
  const styles = csp(page()).get("style-src") ?? [];
  assert.ok(styles.includes("'unsafe-inline'"));
  assert.ok(!styles.some((s) => s.startsWith("'nonce-")));
  assert.ok(!styles.some((s) => s.startsWith("'sha")));
});

test("images may be data: and blob: URLs (Leaflet), and nothing comes from another host", () => {
  const directives = csp(page());
  assert.deepEqual(new Set(directives.get("img-src")), new Set(["'self'", "data:", "blob:"]));
  for (const [name, sources] of directives) {
    for (const source of sources) {
      // Keywords are quoted; the only schemes are data: and blob:; no host names, no wildcards.
      const allowed = /^'[a-z-]+'$/.test(source) || ["data:", "blob:"].includes(source);
      assert.ok(allowed, `${name} allows ${source}`);
    }
  }
});

test("nobody may frame a page: frame-ancestors 'none' and X-Frame-Options DENY", () => {
  for (const pathname of ["/", "/areas/E05010807", "/indicators/belonging", "/search", "/embed", "/embedded/x"]) {
    const headers = page({ pathname });
    assert.deepEqual(csp(headers).get("frame-ancestors"), ["'none'"], pathname);
    assert.equal(headers["X-Frame-Options"], "DENY", pathname);
  }
});

test("anyone may frame /embed/ pages: frame-ancestors * and no X-Frame-Options", () => {
  for (const pathname of ["/embed/map", "/embed/trend", "/embed/anything/deeper"]) {
    const headers = page({ pathname });
    assert.deepEqual(csp(headers).get("frame-ancestors"), ["*"], pathname);
    assert.equal(headers["X-Frame-Options"], undefined, pathname);
    // Framing is the only thing relaxed.
    assert.deepEqual(csp(headers).get("script-src"), csp(page()).get("script-src"));
    assert.equal(headers["X-Content-Type-Options"], "nosniff");
  }
  assert.ok(isEmbedPath("/embed/map"));
  assert.ok(!isEmbedPath("/embed"));
  assert.ok(!isEmbedPath("/embedded"));
  assert.ok(!isEmbedPath("/areas/embed/x"));
});

test("API data and build assets load nothing and run nothing if opened as a document", () => {
  for (const pathname of ["/api/v1/areas", "/api/v1/images/map.svg", "/_next/static/chunks/app.js"]) {
    assert.ok(isResourcePath(pathname), pathname);
    const headers = securityHeaders({ pathname, development: false, https: false });
    const directives = csp(headers);
    assert.deepEqual(directives.get("default-src"), ["'none'"], pathname);
    assert.deepEqual(directives.get("frame-ancestors"), ["'none'"], pathname);
    assert.equal(directives.has("script-src"), false);
    assert.equal(headers["X-Frame-Options"], "DENY");
  }
  assert.ok(!isResourcePath("/apiary"));
  assert.ok(!isResourcePath("/_next/image"));
});

test("every response has the same protective headers", () => {
  const expected = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  for (const pathname of ["/", "/embed/map", "/api/v1/observations", "/_next/static/x.css", "/icon.svg"]) {
    const headers = securityHeaders({ pathname, development: false, https: false });
    for (const [name, value] of Object.entries(expected)) assert.equal(headers[name], value, `${name} on ${pathname}`);
    assert.equal(headers["Permissions-Policy"], PERMISSIONS_POLICY);
    assert.equal(headers["X-Powered-By"], undefined);
    // Left out on purpose: it costs every visit a process switch and protects nothing here (docs/decisions.md).
    assert.equal(headers["Cross-Origin-Opener-Policy"], undefined);
  }
});

test("Permissions-Policy turns off camera, microphone and geolocation", () => {
  const features = new Map(
    PERMISSIONS_POLICY.split(",").map((entry) => {
      const [name, allowlist] = entry.trim().split("=");
      return [name, allowlist] as const;
    }),
  );
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    assert.equal(features.get(feature), "()", feature);
  }
  // An unknown feature name makes Chrome log an error on every page (interest-cohort is gone).
  assert.ok(!features.has("interest-cohort"));
});

test("HSTS only in production over HTTPS: never over plain HTTP, never in development", () => {
  const hsts = (context: Partial<ResponseContext>) => page(context)["Strict-Transport-Security"];
  assert.equal(hsts({ https: false }), undefined);
  assert.equal(hsts({ https: true, development: true }), undefined);
  const value = hsts({ https: true });
  assert.ok(value, "sent over HTTPS in production");
  const maxAge = Number(/max-age=(\d+)/.exec(value)?.[1]);
  assert.ok(maxAge >= 365 * 24 * 3600, "at least a year");
});

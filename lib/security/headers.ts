// The security headers of every response, as data: proxy.ts sets them, unit tests check them.
// Pure functions only (no Next.js imports), so the policy can be read and tested on its own.

/** Pages under this prefix are made to be embedded in other sites' iframes. */
export const EMBED_PATH_PREFIX = "/embed/";

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PATH_PREFIX);
}

/**
 * Responses that are never pages: API data (JSON, CSV, TopoJSON, images) and Next's hashed build assets.
 * If a browser ever shows one as a document (an SVG opened in a tab, an error body), it may load and run
 * nothing at all.
 */
export function isResourcePath(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname.startsWith("/_next/static/");
}

/** The policy of resources: nothing may load, nobody may frame. */
export const RESOURCE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export interface PolicyOptions {
  /** `next dev`: React and Next's dev runtime need eval (see below). */
  development: boolean;
  /** May other sites frame this response? Only embeds may. */
  frameable: boolean;
}

/** Which directives the policy has, with their sources, in the order they are written. */
export function contentSecurityPolicyDirectives({ development, frameable }: PolicyOptions): [string, string[]][] {
  return [
    // Everything comes from this site: boundaries, data and scripts are all served by the app itself.
    ["default-src", ["'self'"]],
    [
      "script-src",
      [
        "'self'",
        // Next's inline bootstrap scripts (the RSC payload, self.__next_f.push) differ from page to page.
        // A per-request nonce would allow only them, but a nonce must never repeat, so a page carrying one
        // can be neither generated ahead nor shared by a cache, and every ward page is both (see
        // docs/decisions.md, "Cached pages, so no CSP nonce"). What an injected inline script would need is
        // an injection point: React escapes every value, no route renders HTML from user input, and every
        // parameter is checked against a strict pattern (the hostile-input tests hold all three).
        "'unsafe-inline'",
        // Only in development: React rebuilds server error stacks with eval and Next's dev bundles use it.
        // Neither React nor Next uses eval in a production build, so production never allows it.
        ...(development ? ["'unsafe-eval'"] : []),
      ],
    ],
    // Leaflet positions map panes, and Recharts sizes its SVG, through style attributes rendered into the
    // HTML; React's style props do the same, so inline styles are allowed. Styles cannot run script.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    // Leaflet's marker and layer images can be data: and blob: URLs.
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    // The map fetches boundaries from /api/v1 (and `next dev` keeps a websocket to this origin).
    ["connect-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    // Who may frame us: nobody, except for embeds, which anyone may.
    ["frame-ancestors", [frameable ? "*" : "'none'"]],
  ];
}

export function contentSecurityPolicy(options: PolicyOptions): string {
  return contentSecurityPolicyDirectives(options)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Features the dashboard never uses; turning them off means no framed or injected content can ask for them. */
export const DISABLED_FEATURES = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
] as const;

export const PERMISSIONS_POLICY = DISABLED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/** One year; no includeSubDomains or preload: those commit the deployer's whole domain, which is theirs to decide. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

export interface ResponseContext {
  pathname: string;
  development: boolean;
  /** Did the request reach us over HTTPS (directly or through a TLS-terminating proxy)? */
  https: boolean;
}

/**
 * Every security header of a response, by name. HSTS is only sent in production over HTTPS: RFC 6797 says
 * not to send it over plain HTTP (browsers ignore it there anyway), and in development it would pin
 * https onto localhost, for every other project on that host too.
 */
export function securityHeaders({ pathname, development, https }: ResponseContext): Record<string, string> {
  const frameable = isEmbedPath(pathname);
  return {
    "Content-Security-Policy": isResourcePath(pathname)
      ? RESOURCE_CONTENT_SECURITY_POLICY
      : contentSecurityPolicy({ development, frameable }),
    // The CSP's frame-ancestors supersedes this in current browsers; older ones only know X-Frame-Options,
    // which cannot say "anyone", so embeds simply go without it.
    ...(frameable ? {} : { "X-Frame-Options": "DENY" }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // No Cross-Origin-Opener-Policy: it makes every arrival a browsing-context-group switch (a new renderer
    // process on a phone) for no protection a public, read-only site needs (docs/decisions.md).
    ...(https && !development ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

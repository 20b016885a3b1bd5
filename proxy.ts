// Every request passes through here: security headers on every response (the policy is data in
// lib/security/headers.ts), 400 for paths Next cannot decode, and pages with query state sent to
// the route that renders them from the cache (lib/url-state.ts owns that mapping).
import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/security/headers";
import { rejectedPathReason } from "@/lib/security/request-path";
import { renderPathFor } from "@/lib/url-state";

// Not a route: rewriting here renders the site's not-found page with status 404.
const NOT_FOUND_PATH = "/not-found";

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const headers = securityHeaders({
    pathname,
    development: process.env.NODE_ENV === "development",
    // Behind a TLS-terminating proxy the first X-Forwarded-Proto says how the browser connected.
    https:
      request.nextUrl.protocol === "https:" ||
      request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https",
  });

  const rejection = rejectedPathReason(pathname);
  if (rejection) {
    return new NextResponse(`Bad request: ${rejection}.\n`, {
      status: 400,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }

  const renderPath = renderPathFor(pathname, searchParams);
  const response =
    renderPath === "same"
      ? NextResponse.next()
      : NextResponse.rewrite(new URL(renderPath === "not-found" ? NOT_FOUND_PATH : renderPath, request.url));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// No matcher: the proxy runs for every request, static assets and API responses included, so that
// every response carries the headers (a matcher that skipped a path would leave it bare).

// Security headers on every response, with a fresh CSP nonce per document (Next's documented nonce
// pattern: Next reads the nonce from the request's Content-Security-Policy header and puts it on its
// own inline scripts). The policy itself is data in lib/security/headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, isResourcePath, securityHeaders } from "@/lib/security/headers";
import { rejectedPathReason } from "@/lib/security/request-path";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = isResourcePath(pathname) ? undefined : createNonce();
  const headers = securityHeaders({
    pathname,
    nonce,
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

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // For a server component that renders its own <Script>: (await headers()).get("x-nonce").
  if (nonce) requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// No matcher: the proxy runs for every request, static assets and API responses included, so that
// every response carries the headers (a matcher that skipped a path would leave it bare).

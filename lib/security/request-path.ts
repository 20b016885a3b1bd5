// Paths that name nothing here and that Next's production server would answer with a 500 rather
// than a 4xx: they are refused with a 400 before routing (proxy.ts).

/**
 * Why a request path is refused, or null when it is fine to route.
 * - Broken percent-encoding ("%ZZ", a lone "%", invalid UTF-8 such as "%ff"): Next fails to decode
 *   the dynamic segment ([code], [slug]) and its production server answers 500.
 * - Dot segments or empty segments that appear only once "%2f" is decoded ("..%2f..%2fetc", "x%2f%2fy"):
 *   the URL parser has already resolved every real dot segment, so these can only be traversal
 *   attempts, and Next's page-path normalisation throws on them (a 500 in production).
 */
export function rejectedPathReason(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "the address is not valid percent-encoding";
  }
  const segments = decoded.split("/").slice(1);
  const inner = segments.slice(0, -1);
  if (segments.some((s) => s === "." || s === "..") || inner.some((s) => s === "")) {
    return "the address hides '.', '..' or '//' in percent-encoding";
  }
  return null;
}

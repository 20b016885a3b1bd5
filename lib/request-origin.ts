import "server-only";
import { headers } from "next/headers";

/**
 * The site's public origin for links that leave the site (embed code): CIVIC_PULSE_PUBLIC_URL when
 * set (recommended in production), otherwise the request's own host.
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.CIVIC_PULSE_PUBLIC_URL?.trim().replace(/\/$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  // A Host header is attacker-controlled: accept only host[:port] characters.
  return /^[A-Za-z0-9.-]+(:\d+)?$/.test(host) ? `${proto}://${host}` : "";
}

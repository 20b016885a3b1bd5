import { DEMO_LA } from "@/lib/demo-data/demo-area";
import { AREA_CODE_PATTERN } from "@/lib/url-state";

/** The local authority whose wards the home page maps (CIVIC_PULSE_HOME_AREA, default the demo's). */
export function homeAreaCode(env: NodeJS.ProcessEnv = process.env): string {
  const code = env.CIVIC_PULSE_HOME_AREA?.trim() || DEMO_LA.code;
  if (!AREA_CODE_PATTERN.test(code)) throw new Error(`CIVIC_PULSE_HOME_AREA "${code}" is not an ONS area code.`);
  return code;
}

/**
 * The site's public address for links that leave it (embed code): CIVIC_PULSE_PUBLIC_URL, e.g.
 * https://civicpulse.example.gov.uk, or "" when unset (the browser's own address is used instead).
 */
export function configuredPublicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CIVIC_PULSE_PUBLIC_URL?.trim();
  if (!configured) return "";
  const url = URL.parse(configured);
  if (!url || !["http:", "https:"].includes(url.protocol)) {
    throw new Error(`CIVIC_PULSE_PUBLIC_URL "${configured}" is not an http(s) address.`);
  }
  return url.origin;
}

import { DEMO_LA } from "@/lib/demo-data/demo-area";
import { AREA_CODE_PATTERN } from "@/lib/url-state";

/** The local authority whose wards the home page maps (CIVIC_PULSE_HOME_AREA, default the demo's). */
export function homeAreaCode(env: NodeJS.ProcessEnv = process.env): string {
  const code = env.CIVIC_PULSE_HOME_AREA?.trim() || DEMO_LA.code;
  if (!AREA_CODE_PATTERN.test(code)) throw new Error(`CIVIC_PULSE_HOME_AREA "${code}" is not an ONS area code.`);
  return code;
}

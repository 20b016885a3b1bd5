import type { ReactNode } from "react";
import type { Indicator } from "@/lib/domain/types";
import { DOMAINS } from "@/lib/domain/types";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { PRESENT_MAX_INDICATORS, PRESENT_MAX_WARDS } from "@/lib/url-state";

/**
 * Choose the wards and indicators for a committee presentation (a GET form: the URL is the deck). `noData`
 * is said instead of the form when there are no wards or no figures to present yet.
 */
export function CommitteeSetup({
  wards,
  indicators,
  noData,
}: {
  wards: { code: string; name: string }[];
  indicators: Indicator[];
  noData?: ReactNode;
}) {
  if (noData) {
    return (
      <div className="mx-auto max-w-4xl space-y-6 text-lg">
        <h1 className="text-4xl font-bold">Committee mode</h1>
        {noData}
      </div>
    );
  }
  return (
    <form method="get" action="/present" className="mx-auto max-w-4xl space-y-6 text-lg">
      <h1 className="text-4xl font-bold">Committee mode</h1>
      <p>
        Choose up to {PRESENT_MAX_WARDS} wards and up to {PRESENT_MAX_INDICATORS} indicators. Each indicator becomes one
        slide; use the arrow keys or the Previous and Next links to move between them.
      </p>
      <fieldset className="space-y-2">
        <legend className="text-2xl font-bold">Wards</legend>
        <div className="grid gap-1 sm:grid-cols-3">
          {wards.map((ward) => (
            <label key={ward.code} className="flex items-center gap-2">
              <input type="checkbox" name="wards" value={ward.code} className="h-5 w-5" /> {ward.name}
            </label>
          ))}
        </div>
      </fieldset>
      {/* Only the domains with indicators to choose: a council may have figures for a few. */}
      {DOMAINS.filter((domain) => indicators.some((i) => i.domain === domain)).map((domain) => (
        <fieldset key={domain} className="space-y-1">
          <legend className="text-2xl font-bold">{DOMAIN_INFO[domain].title}</legend>
          {indicators
            .filter((i) => i.domain === domain)
            .map((indicator) => (
              <label key={indicator.slug} className="flex items-center gap-2">
                <input type="checkbox" name="indicators" value={indicator.slug} className="h-5 w-5" />{" "}
                {indicator.shortTitle}
                {indicator.synthetic ? " (synthetic)" : ""}
              </label>
            ))}
        </fieldset>
      ))}
      <button type="submit" className="rounded bg-black px-6 py-3 text-xl font-bold text-white">
        Start the presentation
      </button>
    </form>
  );
}

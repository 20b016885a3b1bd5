import type { Indicator } from "@/lib/domain/types";
import { DOMAINS } from "@/lib/domain/types";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { CLASSIFICATION_METHODS, type ClassificationMethod } from "@/lib/indicators/classify";
import type { MapMode } from "@/lib/url-state";

const selectClass = "max-w-full rounded border-2 border-black bg-white p-1.5";

/**
 * A plain GET form: works without JavaScript, and the URL it produces is the shareable state
 * (the parameters lib/url-state.ts parses).
 */
export function IndicatorPicker({
  indicators,
  selected,
  periods,
  period,
  mode,
  method,
  from,
}: {
  indicators: Indicator[];
  selected: string;
  periods: string[];
  period: string;
  mode: MapMode;
  method: ClassificationMethod;
  from?: string;
}) {
  return (
    <form method="get" action="/" className="flex flex-wrap items-end gap-3 rounded bg-[#f3f2f1] p-3 no-print">
      {from && <input type="hidden" name="from" value={from} />}
      <div className="flex min-w-0 flex-col">
        <label htmlFor="indicator" className="font-semibold">
          Indicator
        </label>
        <select id="indicator" name="indicator" defaultValue={selected} className={selectClass}>
          {DOMAINS.map((domain) => {
            const inDomain = indicators.filter((i) => i.domain === domain);
            if (inDomain.length === 0) return null;
            return (
              <optgroup key={domain} label={DOMAIN_INFO[domain].title}>
                {inDomain.map((indicator) => (
                  <option key={indicator.slug} value={indicator.slug}>
                    {indicator.shortTitle}
                    {indicator.synthetic ? " (synthetic)" : ""}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </div>
      {periods.length > 1 && (
        <div className="flex flex-col">
          <label htmlFor="period" className="font-semibold">
            Period
          </label>
          <select id="period" name="period" defaultValue={period} className={selectClass}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="flex flex-col">
        <legend className="font-semibold">Colour wards by</legend>
        <div className="flex gap-3 pt-1.5">
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" value="value" defaultChecked={mode === "value"} /> Values
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" value="compare" defaultChecked={mode === "compare"} /> Comparison with
            benchmark
          </label>
        </div>
      </fieldset>
      <div className="flex flex-col">
        <label htmlFor="classes" className="font-semibold">
          Classes
        </label>
        <select id="classes" name="classes" defaultValue={method} className={selectClass}>
          {CLASSIFICATION_METHODS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded bg-[#00703c] px-4 py-2 font-semibold text-white shadow-[0_2px_0_#002d18]"
      >
        Show
      </button>
    </form>
  );
}

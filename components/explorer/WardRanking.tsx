import Link from "next/link";
import type { Indicator, Observation } from "@/lib/domain/types";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import type { RankedArea } from "@/lib/indicators/ranking";
import { areaHref } from "@/lib/url-state";

export interface RankingRow {
  areaCode: string;
  areaName: string;
  value: number | null;
  suppressed: boolean;
  observation: Observation | null;
}

/** The ranked table: the map's text equivalent, lowest value first. */
export function WardRanking({
  ranked,
  indicator,
  parentName,
  parentValue,
  highlight,
}: {
  ranked: RankedArea<RankingRow>[];
  indicator: Indicator;
  parentName: string;
  parentValue: number | null;
  /** The ward the user came from: marked in words and with a background, not by colour alone. */
  highlight?: string;
}) {
  const max = Math.max(...ranked.map((r) => r.item.value ?? 0), parentValue ?? 0);
  const hasIntervals = ranked.some(
    (r) => r.item.observation?.lowerCi !== null && r.item.observation?.lowerCi !== undefined,
  );
  return (
    <table className="w-full border-collapse text-sm" data-testid="ward-ranking">
      <caption className="mb-2 text-left">
        Wards ranked by {indicator.shortTitle.toLowerCase()}, lowest first. {parentName}:{" "}
        {formatValue(parentValue, indicator)}.
      </caption>
      <thead>
        <tr className="border-b-2 border-black text-left">
          <th scope="col" className="py-1 pr-2">
            Rank
          </th>
          <th scope="col" className="py-1 pr-2">
            Ward
          </th>
          <th scope="col" className="py-1 pr-2 text-right">
            Value
          </th>
          {hasIntervals && (
            <th scope="col" className="py-1 pr-2">
              95% interval
            </th>
          )}
          <th scope="col" className="hidden py-1 sm:table-cell">
            <span className="sr-only">Bar</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {ranked.map(({ rank, item }) => (
          <tr
            key={item.areaCode}
            className={`border-b border-gray-300 ${item.areaCode === highlight ? "bg-[#fff7bf] font-semibold" : ""}`}
            aria-current={item.areaCode === highlight ? "true" : undefined}
            data-area-code={item.areaCode}
            data-value={item.value ?? ""}
          >
            <td className="py-1 pr-2">{rank ?? "–"}</td>
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              <Link href={areaHref(item.areaCode, { indicator: indicator.slug })}>{item.areaName}</Link>
              {item.areaCode === highlight && <span className="ml-1 text-xs">(the ward you came from)</span>}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums">
              {item.suppressed ? "Suppressed" : formatValue(item.value, indicator)}
            </td>
            {hasIntervals && (
              <td className="py-1 pr-2 tabular-nums">
                {formatInterval(item.observation?.lowerCi ?? null, item.observation?.upperCi ?? null, indicator) ?? "–"}
              </td>
            )}
            <td className="hidden w-1/4 py-1 sm:table-cell" aria-hidden="true">
              {item.value !== null && max > 0 && (
                <span
                  className="block h-3 bg-[#3182bd]"
                  style={{ width: `${Math.max(1, (item.value / max) * 100)}%` }}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

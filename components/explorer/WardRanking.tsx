import Link from "next/link";
import type { Indicator, Observation } from "@/lib/domain/types";
import type { RankingRow } from "@/lib/indicators/ward-map";
import { COMPARISON_COLOURS, SIGNIFICANCE_COLOURS } from "@/lib/indicators/classify";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import type { RankedArea } from "@/lib/indicators/ranking";
import { areaHref, type TableSort } from "@/lib/url-state";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

export type { RankingRow };

function sortRows(ranked: RankedArea<RankingRow>[], sort: TableSort) {
  if (sort === "name") return [...ranked].sort((a, b) => a.item.areaName.localeCompare(b.item.areaName));
  if (sort === "highest") {
    const withRank = ranked.filter((r) => r.rank !== null).reverse();
    return [...withRank, ...ranked.filter((r) => r.rank === null)];
  }
  return ranked;
}

/**
 * The table of wards: the map's text equivalent, with the same figures as its tooltips.
 * Lowest value first by default; `sortHref` makes the column headers re-sort it (links, so it works without JS).
 */
export function WardRanking({
  ranked,
  indicator,
  parentName,
  parentValue,
  highlight,
  sort = "lowest",
  sortHref,
}: {
  ranked: RankedArea<RankingRow>[];
  indicator: Indicator;
  parentName: string;
  parentValue: number | null;
  /** The ward the user came from: marked in words and with a background, not by colour alone. */
  highlight?: string;
  sort?: TableSort;
  sortHref?: (sort: TableSort) => string;
}) {
  const rows = sortRows(ranked, sort);
  const max = Math.max(...ranked.map((r) => r.item.value ?? 0), parentValue ?? 0);
  const hasIntervals = ranked.some((r) => r.item.observation?.lowerCi != null);
  const hasComparisons = ranked.some(
    (r) => r.item.comparison && r.item.comparison.comparison.significance !== "not-compared",
  );
  const orderWords = sort === "name" ? "in alphabetical order" : sort === "highest" ? "highest first" : "lowest first";
  const sortLink = (target: TableSort, label: string) =>
    sortHref && sort !== target ? (
      <Link prefetch={false} href={sortHref(target)} className="font-normal" scroll={false}>
        {label}
      </Link>
    ) : null;
  return (
    <ScrollableTable label={`Table of wards, ${orderWords}`}>
      <table className="w-full border-collapse text-sm" data-testid="ward-ranking" data-sort={sort}>
        <caption className="mb-2 text-left">
          Wards by {indicator.shortTitle.toLowerCase()}, {orderWords}. {parentName}:{" "}
          {formatValue(parentValue, indicator)}.
          {sortHref && (
            <span className="no-print block">
              Sort: {sortLink("lowest", "lowest first")} {sortLink("highest", "highest first")}{" "}
              {sortLink("name", "by name")}
            </span>
          )}
        </caption>
        <thead>
          <tr className="border-b-2 border-black text-left">
            <th
              scope="col"
              className="py-1 pr-2"
              aria-sort={sort === "name" ? undefined : sort === "lowest" ? "ascending" : "descending"}
            >
              Rank
            </th>
            <th scope="col" className="py-1 pr-2" aria-sort={sort === "name" ? "ascending" : undefined}>
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
            {hasComparisons && (
              <th scope="col" className="py-1 pr-2">
                vs {parentName}
              </th>
            )}
            <th scope="col" className="hidden py-1 sm:table-cell">
              <span className="sr-only">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ rank, item }) => {
            const c = item.comparison;
            const style = c
              ? indicator.polarity === "neither"
                ? SIGNIFICANCE_COLOURS[c.comparison.significance]
                : COMPARISON_COLOURS[c.comparison.rating]
              : null;
            return (
              <tr
                key={item.areaCode}
                className={`border-b border-gray-300 ${item.areaCode === highlight ? "bg-[#fff7bf] font-semibold" : ""}`}
                aria-current={item.areaCode === highlight ? "true" : undefined}
                data-area-code={item.areaCode}
                data-value={item.value ?? ""}
                data-comparison={
                  c ? (indicator.polarity === "neither" ? c.comparison.significance : c.comparison.rating) : ""
                }
              >
                <td className="py-1 pr-2">{rank ?? "–"}</td>
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <Link prefetch={false} href={areaHref(item.areaCode, { indicator: indicator.slug })}>
                    {item.areaName}
                  </Link>
                  {item.areaCode === highlight && <span className="ml-1 text-xs">(the ward you came from)</span>}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {item.suppressed ? "Suppressed" : formatValue(item.value, indicator)}
                </td>
                {hasIntervals && (
                  <td className="py-1 pr-2 tabular-nums">
                    {formatInterval(item.observation?.lowerCi ?? null, item.observation?.upperCi ?? null, indicator) ??
                      "–"}
                  </td>
                )}
                {hasComparisons && (
                  <td className="py-1 pr-2">
                    {c && style && c.comparison.significance !== "not-compared" ? (
                      <span className="inline-flex items-center gap-1">
                        <span
                          aria-hidden="true"
                          className="inline-flex h-4 w-4 items-center justify-center border border-black text-[10px] font-bold"
                          style={{ background: style.fill, color: style.text }}
                        >
                          {style.symbol}
                        </span>
                        {style.label}
                      </span>
                    ) : (
                      "–"
                    )}
                  </td>
                )}
                <td className="hidden w-1/5 py-1 sm:table-cell" aria-hidden="true">
                  {item.value !== null && max > 0 && (
                    <span
                      className="block h-3 bg-[#3182bd]"
                      style={{ width: `${Math.max(1, (item.value / max) * 100)}%` }}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

import type { Indicator, Observation } from "@/lib/domain/types";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

/** "all" is the whole population; other groups are "<dimension>:<value>". */
export function groupLabel(group: string): string {
  const [dimension, value] = group.split(":");
  if (dimension === "age" && value) return `Aged ${value.replace("-", " to ").replace("+", " and over")}`;
  return value ?? group;
}

/** Which groups in the ward take part least: the indicator by population group, lowest first. */
export function GroupBreakdown({
  rows,
  indicator,
  areaName,
  period,
}: {
  rows: Observation[];
  indicator: Indicator;
  areaName: string;
  period: string;
}) {
  if (rows.length === 0) return <p>This indicator has no breakdown by population group.</p>;
  const sorted = [...rows].sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity));
  const lowest = sorted.find((r) => r.value !== null);
  return (
    <div className="space-y-2">
      {lowest && (
        <p>
          In {period}, the lowest figure in {areaName} was among people{" "}
          <strong>{groupLabel(lowest.group).toLowerCase()}</strong> ({formatValue(lowest.value, indicator)}).
        </p>
      )}
      <ScrollableTable label={`${indicator.shortTitle} by group`}>
        <table className="w-full border-collapse text-sm" data-testid="group-breakdown">
          <caption className="mb-1 text-left font-semibold">
            {indicator.shortTitle} in {areaName} by age, {period}, lowest first
          </caption>
          <thead>
            <tr className="border-b-2 border-black text-left">
              <th scope="col" className="py-1 pr-2">
                Group
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Value
              </th>
              <th scope="col" className="py-1 pr-2">
                95% interval
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Respondents
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.group} className="border-b border-gray-300">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {groupLabel(row.group)}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {row.suppressed ? "Suppressed (fewer than 10 responses)" : formatValue(row.value, indicator)}
                </td>
                <td className="py-1 pr-2 tabular-nums">{formatInterval(row.lowerCi, row.upperCi, indicator) ?? "–"}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{row.sampleSize ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </div>
  );
}

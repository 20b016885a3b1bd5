import type { Indicator } from "@/lib/domain/types";
import type { TrendPoint } from "@/lib/data/trends";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

/** The trend chart's table twin: the same figures, with intervals and sample sizes. */
export function TrendTable({
  points,
  indicator,
  areaName,
  benchmarkName,
}: {
  points: TrendPoint[];
  indicator: Indicator;
  areaName: string;
  benchmarkName?: string;
}) {
  const showSample = points.some((p) => p.area?.sampleSize !== null && p.area?.sampleSize !== undefined);
  return (
    <ScrollableTable label={`${indicator.shortTitle} by period (table)`}>
      <table className="w-full border-collapse text-sm" data-testid="trend-table">
        <caption className="mb-1 text-left font-semibold">
          {indicator.shortTitle}: {areaName}
          {benchmarkName ? ` and ${benchmarkName}` : ""} by period
        </caption>
        <thead>
          <tr className="border-b-2 border-black text-left">
            <th scope="col" className="py-1 pr-2">
              Period
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {areaName}
            </th>
            <th scope="col" className="py-1 pr-2">
              95% interval
            </th>
            {showSample && (
              <th scope="col" className="py-1 pr-2 text-right">
                Respondents
              </th>
            )}
            {benchmarkName && (
              <th scope="col" className="py-1 pr-2 text-right">
                {benchmarkName}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {points.map(({ period, area, benchmark }) => (
            <tr key={period} className="border-b border-gray-300">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {period}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">
                {area?.suppressed ? "Suppressed" : formatValue(area?.value, indicator)}
              </td>
              <td className="py-1 pr-2 tabular-nums">
                {formatInterval(area?.lowerCi ?? null, area?.upperCi ?? null, indicator) ?? "–"}
              </td>
              {showSample && <td className="py-1 pr-2 text-right tabular-nums">{area?.sampleSize ?? "–"}</td>}
              {benchmarkName && (
                <td className="py-1 pr-2 text-right tabular-nums">{formatValue(benchmark?.value, indicator)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

import type { Indicator } from "@/lib/domain/types";
import type { TrendPoint } from "@/lib/data/ward-profile";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { ScrollableTable } from "@/components/layout/ScrollableTable";

/** The trend chart's table twin: the same figures, with intervals and sample sizes. */
export function TrendTable({
  points,
  indicator,
  wardName,
  parentName,
}: {
  points: TrendPoint[];
  indicator: Indicator;
  wardName: string;
  parentName: string;
}) {
  const showSample = points.some((p) => p.ward?.sampleSize !== null && p.ward?.sampleSize !== undefined);
  return (
    <ScrollableTable label={`${indicator.shortTitle} by period (table)`}>
      <table className="w-full border-collapse text-sm" data-testid="trend-table">
        <caption className="mb-1 text-left font-semibold">
          {indicator.shortTitle}: {wardName} and {parentName} by period
        </caption>
        <thead>
          <tr className="border-b-2 border-black text-left">
            <th scope="col" className="py-1 pr-2">
              Period
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {wardName}
            </th>
            <th scope="col" className="py-1 pr-2">
              95% interval
            </th>
            {showSample && (
              <th scope="col" className="py-1 pr-2 text-right">
                Respondents
              </th>
            )}
            <th scope="col" className="py-1 pr-2 text-right">
              {parentName}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map(({ period, ward, parent }) => (
            <tr key={period} className="border-b border-gray-300">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {period}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">
                {ward?.suppressed ? "Suppressed" : formatValue(ward?.value, indicator)}
              </td>
              <td className="py-1 pr-2 tabular-nums">
                {formatInterval(ward?.lowerCi ?? null, ward?.upperCi ?? null, indicator) ?? "–"}
              </td>
              {showSample && <td className="py-1 pr-2 text-right tabular-nums">{ward?.sampleSize ?? "–"}</td>}
              <td className="py-1 pr-2 text-right tabular-nums">{formatValue(parent?.value, indicator)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

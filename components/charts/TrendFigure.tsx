import type { ComponentProps } from "react";
import { TrendChartBox } from "@/components/charts/TrendChartBox";
import { TrendTable } from "@/components/charts/TrendTable";

/**
 * A trend chart with its table twin. The chart's box has a fixed height, so nothing shifts when the
 * interactive chart replaces the server-drawn one.
 */
export function TrendFigure({ points, indicator, areaName, benchmarkName }: ComponentProps<typeof TrendTable>) {
  return (
    <div className="space-y-3">
      {points.length > 1 ? (
        <figure>
          <TrendChartBox
            className="h-80 w-full print:h-64"
            testId="trend-chart"
            points={points.map((p) => ({
              period: p.period,
              area: p.area?.value ?? null,
              interval:
                p.area?.lowerCi !== null && p.area?.lowerCi !== undefined && p.area.upperCi !== null
                  ? [p.area.lowerCi, p.area.upperCi]
                  : null,
              benchmark: p.benchmark?.value ?? null,
            }))}
            areaName={areaName}
            benchmarkName={benchmarkName}
            unitLabel={indicator.unitLabel}
            decimals={indicator.decimals}
          />
          <figcaption className="sr-only">The table below gives the same figures.</figcaption>
        </figure>
      ) : (
        <p>This indicator has one period only, so there is no trend to draw yet.</p>
      )}
      <TrendTable points={points} indicator={indicator} areaName={areaName} benchmarkName={benchmarkName} />
    </div>
  );
}

import type { ComponentProps } from "react";
import { LazyTrendChart } from "@/components/charts/LazyTrendChart";
import { TrendTable } from "@/components/charts/TrendTable";

/** A trend chart with its table twin. The chart's height is reserved, so nothing shifts when it loads. */
export function TrendFigure({ points, indicator, areaName, benchmarkName }: ComponentProps<typeof TrendTable>) {
  return (
    <div className="space-y-3">
      {points.length > 1 ? (
        <figure>
          <div className="h-80 w-full print:h-64" data-testid="trend-chart">
            <LazyTrendChart
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
          </div>
          <figcaption className="sr-only">The table below gives the same figures.</figcaption>
        </figure>
      ) : (
        <p>This indicator has one period only, so there is no trend to draw yet.</p>
      )}
      <TrendTable points={points} indicator={indicator} areaName={areaName} benchmarkName={benchmarkName} />
    </div>
  );
}

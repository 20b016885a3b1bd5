import { LazyTrendChart } from "@/components/charts/LazyTrendChart";
import { StaticTrendChart } from "@/components/charts/StaticTrendChart";
import type { TrendChartProps } from "@/components/charts/trend-chart-props";
import { LoadWhenVisible } from "@/components/layout/LoadWhenVisible";
import { NEEDS_SCRIPTS_ATTRIBUTE } from "@/lib/scripts-on-demand";

/**
 * A trend chart in a box of fixed size (`className` sets it): the server-drawn StaticTrendChart first,
 * replaced in place by the interactive TrendChart once the box nears the viewport (on a page whose scripts
 * load on demand, the box is what asks for them).
 */
export function TrendChartBox({
  className,
  testId,
  ...chart
}: TrendChartProps & { className: string; testId: string }) {
  return (
    <div className={className} data-testid={testId} {...{ [NEEDS_SCRIPTS_ATTRIBUTE]: "" }}>
      <LoadWhenVisible fallback={<StaticTrendChart {...chart} />}>
        <LazyTrendChart {...chart} />
      </LoadWhenVisible>
    </div>
  );
}

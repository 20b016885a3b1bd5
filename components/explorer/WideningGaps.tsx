import Link from "next/link";
import type { InequalityView } from "@/lib/data/inequality";
import { indicatorHref } from "@/lib/url-state";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";

/** The indicators whose gap between most and least deprived wards has widened, most clearly first. */
export function WideningGaps({ views, parentName }: { views: InequalityView[]; parentName: string }) {
  return (
    <section aria-labelledby="gaps-heading" className="max-w-3xl space-y-2" data-testid="widening-gaps">
      <h2 id="gaps-heading" className="text-xl font-bold">
        Where the gap is widening
      </h2>
      {views.length === 0 ? (
        <p>
          No indicator shows a statistically clear widening of the gap between the most and least deprived wards of{" "}
          {parentName}.
        </p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {views.map((view) => (
            <li key={view.indicator.slug} data-slug={view.indicator.slug}>
              <Link href={`${indicatorHref(view.indicator.slug)}#inequality-heading`}>{view.sentence}</Link>{" "}
              {view.indicator.synthetic && <SyntheticFlag compact />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import Link from "next/link";
import type { RetiredArea } from "@/lib/data/areas";
import { areaHref } from "@/lib/url-state";

/** Shown for a ward code that a boundary change replaced, so old links still lead somewhere useful. */
export function RetiredAreaNotice({ area }: { area: RetiredArea }) {
  return (
    <div className="max-w-2xl space-y-4" data-testid="retired-area">
      <h1 className="text-3xl font-bold">{area.name} (former ward)</h1>
      <p>
        The ward {area.name} ({area.code}) no longer exists: its code was replaced when the ward boundaries changed.
      </p>
      {area.successor ? (
        <p>
          Its area is now covered by{" "}
          <Link href={areaHref(area.successor.code)}>
            {area.successor.name} ({area.successor.code})
          </Link>
          .
        </p>
      ) : (
        <p>We do not hold the ward that replaced it.</p>
      )}
    </div>
  );
}

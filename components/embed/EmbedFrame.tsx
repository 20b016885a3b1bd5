import type { ReactNode } from "react";
import type { Indicator } from "@/lib/domain/types";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";

/**
 * Title, sources, licences and a link back around an embedded chart or map. `sources` are those of the
 * figures drawn; `boundaries` credits the boundaries of a map (null for a chart).
 */
export function EmbedFrame({
  title,
  indicator,
  sources,
  boundaries = null,
  pageHref,
  children,
}: {
  title: string;
  indicator: Pick<Indicator, "synthetic">;
  sources: { title: string; licence: string }[];
  boundaries?: string | null;
  pageHref: string;
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2">
      <h1 className="text-lg font-bold leading-tight">{title}</h1>
      {indicator.synthetic && (
        <p className="text-sm">
          <SyntheticFlag /> Illustrative synthetic data, not real survey results.
        </p>
      )}
      {children}
      <figcaption className="text-xs text-[var(--color-muted)]">
        {sources.map((source) => `Source: ${source.title}. Licence: ${source.licence}. `).join("")}
        {boundaries ? `Boundaries: ${boundaries} ` : ""}
        <a href={pageHref} target="_top">
          View on Civic Pulse
        </a>
      </figcaption>
    </figure>
  );
}

import type { ReactNode } from "react";
import type { Indicator } from "@/lib/domain/types";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";

/** Title, source, licence and a link back around an embedded chart or map. */
export function EmbedFrame({
  title,
  indicator,
  source,
  pageHref,
  children,
}: {
  title: string;
  indicator: Pick<Indicator, "synthetic">;
  source: { title: string; licence: string };
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
        Source: {source.title}. Licence: {source.licence}. Boundaries: ONS, OGL v3.0, contains OS data © Crown copyright
        and database right 2025.{" "}
        <a href={pageHref} target="_top">
          View on Civic Pulse
        </a>
      </figcaption>
    </figure>
  );
}

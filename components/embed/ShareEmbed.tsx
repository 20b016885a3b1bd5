import { EmbedCode } from "@/components/embed/EmbedCode";
import { configuredPublicOrigin } from "@/lib/config";
import { NEEDS_SCRIPTS_ATTRIBUTE, ON_REACH } from "@/lib/scripts-on-demand";

/**
 * "Share or embed": the direct link and iframe code for a chart or map, in a native
 * disclosure widget (works without JavaScript, keyboard accessible). The embed code needs JavaScript for
 * the site's address when CIVIC_PULSE_PUBLIC_URL is unset, so on a page whose scripts load on demand
 * the widget asks for them when the reader reaches for it (to open it, or scrolls to it), rather than
 * whenever it is within a screen of the viewport.
 */
export function ShareEmbed({ pagePath, embedPath, title }: { pagePath: string; embedPath: string; title: string }) {
  return (
    <details
      className="no-print rounded border border-gray-400 p-2 text-sm"
      data-testid="share-embed"
      {...{ [NEEDS_SCRIPTS_ATTRIBUTE]: ON_REACH }}
    >
      <summary className="cursor-pointer font-semibold">Share or embed</summary>
      <div className="mt-2 space-y-2">
        <EmbedCode
          configuredOrigin={configuredPublicOrigin()}
          pagePath={pagePath}
          embedPath={embedPath}
          title={title}
        />
      </div>
    </details>
  );
}

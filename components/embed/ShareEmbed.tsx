import { EmbedCode } from "@/components/embed/EmbedCode";
import { configuredPublicOrigin } from "@/lib/config";

/**
 * "Share or embed": the direct link and iframe code for a chart or map, in a native
 * disclosure widget (works without JavaScript, keyboard accessible).
 */
export function ShareEmbed({ pagePath, embedPath, title }: { pagePath: string; embedPath: string; title: string }) {
  return (
    <details className="no-print rounded border border-gray-400 p-2 text-sm" data-testid="share-embed">
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

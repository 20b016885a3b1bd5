import { publicOrigin } from "@/lib/request-origin";

/**
 * "Share or embed": the direct link and iframe code for a chart or map, in a native
 * disclosure widget (works without JavaScript, keyboard accessible).
 */
export async function ShareEmbed({
  pagePath,
  embedPath,
  title,
}: {
  pagePath: string;
  embedPath: string;
  title: string;
}) {
  const origin = await publicOrigin();
  const iframe = `<iframe src="${origin}${embedPath}" title="${title.replace(/"/g, "&quot;")}" width="640" height="560" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <details className="no-print rounded border border-gray-400 p-2 text-sm" data-testid="share-embed">
      <summary className="cursor-pointer font-semibold">Share or embed</summary>
      <div className="mt-2 space-y-2">
        <p>
          Direct link: <a href={pagePath}>{`${origin}${pagePath}`}</a>
        </p>
        <p>
          Embed: <a href={embedPath}>preview the embed</a>
        </p>
        <label className="block">
          <span className="font-semibold">Code to paste into a web page</span>
          <textarea
            readOnly
            rows={3}
            value={iframe}
            className="mt-1 block w-full rounded border-2 border-black p-1 font-mono text-xs"
          />
        </label>
      </div>
    </details>
  );
}

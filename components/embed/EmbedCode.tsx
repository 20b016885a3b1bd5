"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The direct link and iframe code, with the site's address in front. Pages are generated once and shared
 * by caches, so the address cannot come from the request (a forged Host header would be cached for
 * everyone): it is CIVIC_PULSE_PUBLIC_URL when set, else the address this browser is looking at.
 */
export function EmbedCode({
  configuredOrigin,
  pagePath,
  embedPath,
  title,
}: {
  configuredOrigin: string;
  pagePath: string;
  embedPath: string;
  title: string;
}) {
  // The server (and a browser without JavaScript) shows site-relative addresses.
  const origin = useSyncExternalStore(
    noSubscription,
    () => configuredOrigin || window.location.origin,
    () => configuredOrigin,
  );
  const iframe = `<iframe src="${origin}${embedPath}" title="${title.replace(/"/g, "&quot;")}" width="640" height="560" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <>
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
    </>
  );
}

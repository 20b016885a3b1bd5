// Pages served from the page cache: a second request is answered by the front cache (npm start puts it
// before Next: lib/server/front-cache.ts), and the response lets a CDN share it.
import { expect, type APIRequestContext } from "@playwright/test";

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  html: string;
  /** What the page shows: its <main> (the document around it names the route's own path in Next's data). */
  main: string;
}

/** Requests the page twice and checks that the second answer came from memory, as anyone would get it. */
export async function getFromFrontCache(request: APIRequestContext, url: string): Promise<CachedPage> {
  await request.get(url); // the first visit may be the one that generates it
  const response = await request.get(url);
  const headers = response.headers();
  const html = await response.text();
  expect(response.status(), url).toBe(200);
  expect(headers["x-cache"], `${url}: answered by the front cache`).toBe("HIT");
  const cacheControl = headers["cache-control"] ?? "";
  expect(cacheControl, url).toMatch(/\bs-maxage=\d+/);
  expect(cacheControl, url).toMatch(/stale-while-revalidate/);
  expect(cacheControl, url).not.toMatch(/private|no-store|no-cache/);
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? "";
  expect(main, `${url}: a page with content`).not.toBe("");
  return { status: response.status(), headers, html, main };
}

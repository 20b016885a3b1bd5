// Hostile input against every route: each answers 400 or 404, or 200 where the input is harmless
// there (decided per case in lib/security/hostile-inputs.ts); never a 5xx; nothing echoed unescaped.
import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  FILE_LEAK_MARKERS,
  HOSTILE_CASES,
  IMG_ONERROR,
  REFLECTION_MARKERS,
  SCRIPT_TAG,
  type HostileCase,
} from "../lib/security/hostile-inputs";

interface Answer {
  /** 0 when the server closed the connection instead of answering (only for oversized requests). */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the path byte for byte: no URL parser resolves its dot segments first. */
function rawGet(baseURL: string, path: string): Promise<Answer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

async function send(request: APIRequestContext, baseURL: string, c: HostileCase): Promise<Answer> {
  if (c.raw) return rawGet(baseURL, c.url);
  try {
    // No redirects followed: a redirect is an answer to judge, not to pass through.
    const response = await request.get(c.url, { maxRedirects: 0 });
    return { status: response.status(), headers: response.headers(), body: await response.text() };
  } catch (error) {
    // Node refuses a request line over its header limit and may close before the client reads the 431.
    if (c.expect.includes(431)) return { status: 0, headers: {}, body: "" };
    throw error;
  }
}

/** What is wrong with an answer, if anything. */
function problems(c: HostileCase, answer: Answer): string[] {
  const found: string[] = [];
  const refused = answer.status === 0 || answer.status === 431;
  if (!(c.expect.includes(answer.status) || (answer.status === 0 && c.expect.includes(431)))) {
    found.push(`answered ${answer.status}, expected ${c.expect.join(" or ")}`);
  }
  for (const marker of REFLECTION_MARKERS) {
    if (answer.body.includes(marker)) found.push(`echoes ${marker} unescaped`);
  }
  for (const marker of FILE_LEAK_MARKERS) {
    if (answer.body.includes(marker)) found.push(`leaks a file (${marker})`);
  }
  // Answers from the app carry the security headers (a redirect has no body to protect; a 431 never reaches the app).
  const redirect = answer.status >= 300 && answer.status < 400;
  if (!refused && !redirect) {
    if (!answer.headers["content-security-policy"]) found.push("no Content-Security-Policy");
    if (answer.headers["x-content-type-options"] !== "nosniff") found.push("no X-Content-Type-Options: nosniff");
  }
  // A header split by an injected CR/LF would show up as a header of its own.
  if (JSON.stringify(answer.headers).toLowerCase().includes("evil=1")) found.push("injected a header");
  return found;
}

/** Runs the cases a few at a time: fast, without flooding the server. */
async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

const routes = [...new Set(HOSTILE_CASES.map((c) => c.route))];

for (const route of routes) {
  const cases = HOSTILE_CASES.filter((c) => c.route === route);
  test(`${route}: ${cases.length} hostile inputs, each a 4xx or a harmless 200, never a 5xx or an echo`, async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const failures: string[] = [];
    await inBatches(cases, 6, async (c) => {
      const answer = await send(request, baseURL!, c);
      for (const problem of problems(c, answer)) failures.push(`${c.probe} (${c.url.slice(0, 120)}): ${problem}`);
    });
    expect(failures).toEqual([]);
  });
}

test("injected markup in pages is shown as text, and never runs", async ({ page }) => {
  test.setTimeout(60_000); // six full page loads, each to network idle (maps and charts included)
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  // Search echoes what was typed: as text.
  for (const text of [SCRIPT_TAG, IMG_ONERROR]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(text)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("main")).toContainText(text);
    await expect(page.locator("#search-page-query")).toHaveValue(text);
  }
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Pages that refuse the input, and one that ignores it.
  for (const [url, status] of [
    [`/?indicator=${encodeURIComponent(SCRIPT_TAG)}`, 404],
    [`/areas/${encodeURIComponent(IMG_ONERROR)}`, 404],
    [`/indicators/belonging?from=${encodeURIComponent(IMG_ONERROR)}`, 404],
    [`/?${encodeURIComponent(IMG_ONERROR)}=${encodeURIComponent(SCRIPT_TAG)}`, 200],
  ] as const) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(status);
    await page.waitForLoadState("networkidle");
    await expect(page.locator('img[src="x"]'), url).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});

// npm run bench:weight — what each page costs a visitor on first load: every response's bytes on
// the wire (compressed as served by `next start`), split into HTML, JavaScript, CSS and data.
// Starts its own production server (as npm start does) on BENCH_PORT (default 3500).
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable, startProductionServer, type RunningServer } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3500);
const PAGES = ["/", "/areas/E05010807", "/indicators/formal-volunteering", "/search?q=orton"];

type Kind = "html" | "js" | "css" | "data" | "other";
const kindOf = (type: string, url: string): Kind =>
  type === "document"
    ? "html"
    : type === "script" || url.endsWith(".js")
      ? "js"
      : type === "stylesheet"
        ? "css"
        : type === "fetch"
          ? "data"
          : "other";

async function main() {
  let server: RunningServer | undefined;
  try {
    console.log(`Starting the production server on port ${PORT} (builds first if needed) …`);
    server = await startProductionServer(PORT);
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    });
    console.log(
      "\npage                              requests  html kB  js kB  css kB  data kB  total kB   (on the wire)",
    );
    for (const path of PAGES) {
      const page = await browser.newPage();
      const sizes: Record<Kind, number> = { html: 0, js: 0, css: 0, data: 0, other: 0 };
      let requests = 0;
      page.on("requestfinished", async (request) => {
        const response = await request.response();
        if (!response) return;
        requests++;
        const sizesInfo = await request.sizes();
        sizes[kindOf(request.resourceType(), request.url())] +=
          sizesInfo.responseBodySize + sizesInfo.responseHeadersSize;
      });
      await page.goto(server.base + path, { waitUntil: "networkidle" });
      await page.close();
      const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      console.log(
        `${path.padEnd(34)}${String(requests).padStart(8)} ${kb(sizes.html)} ${kb(sizes.js)} ${kb(sizes.css)}  ${kb(sizes.data)}  ${kb(total)}`,
      );
    }
    await browser.close();
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

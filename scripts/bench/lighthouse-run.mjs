// One Lighthouse run for npm run bench:pages, in plain Node:
//   node scripts/bench/lighthouse-run.mjs <url> <output.json> <options JSON: chromePath, chromeFlags, flags>
// It is plain JavaScript, started without tsx, on purpose: Lighthouse sends some of its own functions
// into the page as source text, and tsx (esbuild's keepNames) adds __name(…) calls to them that the
// page cannot resolve ("__name is not defined").
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [url, outputFile, optionsJson] = process.argv.slice(2);
if (!url || !outputFile || !optionsJson) {
  console.error("Usage: node scripts/bench/lighthouse-run.mjs <url> <output.json> <options JSON>");
  process.exit(2);
}
const { chromePath, chromeFlags, flags } = JSON.parse(optionsJson);

// A fresh Chromium with a fresh profile each run, so nothing is cached from the run before.
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: "silent", handleSIGINT: false });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    chrome.kill();
    process.exit(130);
  });
}
try {
  const runner = await lighthouse(url, { ...flags, port: chrome.port });
  if (!runner) throw new Error("Lighthouse returned no result.");
  fs.writeFileSync(outputFile, JSON.stringify(runner.lhr));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  chrome.kill();
}

// npm test: the unit tests, then the end-to-end tests in a real browser.
// The browser is looked for first, so a machine without one hears so in the first seconds, in one
// sentence; the unit tests still run, and then the command fails without launching Playwright
// (which would otherwise print one stack trace per test).
import { spawnSync } from "node:child_process";
import { ChromiumUnavailableError, ensureChromium, locateChromium, NO_CHROMIUM_MESSAGE } from "./chromium";

function run(args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(process.execPath, args, { stdio: "inherit", env }).status === 0;
}

function main(): number {
  const browser = locateChromium();
  if (browser) console.log(`End-to-end tests will use Chromium from ${browser.describe}.`);
  else console.error(`\n${NO_CHROMIUM_MESSAGE}\nRunning the unit tests anyway.\n`);

  if (!run(["--import", "tsx", "scripts/test/run-unit-tests.ts"])) return 1;

  let executable: string;
  try {
    executable = ensureChromium();
  } catch (error) {
    if (!(error instanceof ChromiumUnavailableError)) throw error;
    console.error(`\nEnd-to-end tests not run. ${error.message}`);
    return 1;
  }
  return run([require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
    ...process.env,
    CHROMIUM_PATH: executable,
  })
    ? 0
    : 1;
}

process.exit(main());

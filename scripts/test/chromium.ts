// The one place that decides which Chromium the end-to-end tests and the benchmarks drive.
// Playwright's own browser download cannot work on offline machines, so `npm install` brings one:
// the devDependency @sparticuz/chromium ships a Linux x64 chrome-headless-shell inside its npm
// tarball (bin/chromium.br, brotli). We inflate it once into node_modules/.cache and use it.
// Order: CHROMIUM_PATH (the user's explicit choice), then that packaged build (one pinned version for
// everyone, so a green run here means the same browser everywhere), then a system Chromium.
// Why this and not an apt-get step: docs/decisions.md "The test browser comes with npm install".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const PROJECT_ROOT = path.resolve(__dirname, "../..");
const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Where to look; tests point these at a temp folder. */
export interface ChromiumSearch {
  env?: Readonly<Record<string, string | undefined>>;
  projectRoot?: string;
  systemCandidates?: readonly string[];
}

/** What `npm test` says, in one sentence, when no browser can be had. */
export const NO_CHROMIUM_MESSAGE =
  "No Chromium for the end-to-end tests: run `npm install` (it brings one in the @sparticuz/chromium " +
  "package, Linux x64 only), or install Debian's `chromium` package, or set CHROMIUM_PATH to a Chromium executable.";

export type ChromiumOrigin = "CHROMIUM_PATH" | "npm package" | "system";

export interface ChromiumLocation {
  origin: ChromiumOrigin;
  /** The executable, or for the npm package the compressed file it is inflated from. */
  source: string;
  /** For the npm package: where it is inflated to. */
  executable?: string;
  describe: string;
}

export class ChromiumUnavailableError extends Error {}

/** The packaged build's version, or null when the package (or its Linux x64 binary) is absent. */
function packagedVersion(projectRoot: string): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  const packageDir = path.join(projectRoot, "node_modules", "@sparticuz", "chromium");
  const manifest = path.join(packageDir, "package.json");
  if (!fs.existsSync(manifest) || !fs.existsSync(path.join(packageDir, "bin", "chromium.br"))) return null;
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Finds a browser without inflating or starting anything (fast: for the first-seconds check). */
export function locateChromium({
  env = process.env,
  projectRoot = PROJECT_ROOT,
  systemCandidates = SYSTEM_CANDIDATES,
}: ChromiumSearch = {}): ChromiumLocation | null {
  const named = env.CHROMIUM_PATH?.trim();
  if (named) return { origin: "CHROMIUM_PATH", source: named, describe: `CHROMIUM_PATH (${named})` };
  const version = packagedVersion(projectRoot);
  if (version) {
    return {
      origin: "npm package",
      source: path.join(projectRoot, "node_modules", "@sparticuz", "chromium", "bin", "chromium.br"),
      // Versioned, so an upgrade of the package inflates anew.
      executable: path.join(projectRoot, "node_modules", ".cache", "civic-pulse", `chromium-${version}`, "chromium"),
      describe: `@sparticuz/chromium ${version} (from npm install)`,
    };
  }
  const system = systemCandidates.find((candidate) => fs.existsSync(candidate));
  return system ? { origin: "system", source: system, describe: `the system's ${system}` } : null;
}

/** Inflates the packaged build once; concurrent callers each write a temp file and rename it (atomic). */
function inflatePackaged(archive: string, target: string): void {
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, zlib.brotliDecompressSync(fs.readFileSync(archive)), { mode: 0o755 });
  fs.renameSync(temp, target);
}

/** Runs `--version` to prove the executable starts here (a missing system library shows up now, clearly). */
function checkStarts(executable: string, describe: string): void {
  const result = spawnSync(executable, ["--version"], { encoding: "utf8", timeout: 30_000 });
  if (result.status !== 0) {
    const why = (result.stderr || result.error?.message || `exit ${result.status}`).trim().split("\n")[0];
    throw new ChromiumUnavailableError(
      `The Chromium from ${describe} does not start here (${why}). ${NO_CHROMIUM_MESSAGE}`,
    );
  }
}

const checked = new Map<string, string>();

/**
 * The executable to launch, inflating the packaged build on first use. Throws
 * ChromiumUnavailableError, whose message is one sentence naming what to install, when there is none.
 */
export function ensureChromium(search: ChromiumSearch = {}): string {
  const location = locateChromium(search);
  if (!location) throw new ChromiumUnavailableError(NO_CHROMIUM_MESSAGE);
  const cached = checked.get(location.source);
  if (cached) return cached;
  let executable = location.source;
  if (location.origin === "CHROMIUM_PATH" && !fs.existsSync(executable)) {
    throw new ChromiumUnavailableError(
      `CHROMIUM_PATH names ${executable}, which does not exist. ${NO_CHROMIUM_MESSAGE}`,
    );
  }
  if (location.origin === "npm package") {
    executable = location.executable!;
    const fresh = !fs.existsSync(executable);
    if (fresh) console.log(`Unpacking ${location.describe} for the end-to-end tests (once) …`);
    inflatePackaged(location.source, executable);
    if (fresh) {
      try {
        checkStarts(executable, location.describe);
      } catch (error) {
        fs.rmSync(executable, { force: true }); // so the next run checks again rather than trusting it
        throw error;
      }
    }
  }
  checked.set(location.source, executable);
  return executable;
}

/**
 * Flags for every launch: no sandbox (tests run as root here), and no background calls home, which a
 * closed network refuses many at a time.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

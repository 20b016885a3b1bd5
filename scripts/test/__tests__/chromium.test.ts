import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import zlib from "node:zlib";
import { ChromiumUnavailableError, ensureChromium, locateChromium, NO_CHROMIUM_MESSAGE } from "../chromium";

const linuxX64 = process.platform === "linux" && process.arch === "x64";

/** A project folder whose node_modules holds a fake @sparticuz/chromium: a shell script, brotli-compressed. */
function fakeProject(script: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-test-"));
  const bin = path.join(root, "node_modules", "@sparticuz", "chromium", "bin");
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, "..", "package.json"), JSON.stringify({ version: "9.8.7" }));
  fs.writeFileSync(path.join(bin, "chromium.br"), zlib.brotliCompressSync(Buffer.from(script)));
  return root;
}

const noSystem: string[] = [];

describe("the test browser", () => {
  it("takes CHROMIUM_PATH first, and says clearly when it names nothing", () => {
    const root = fakeProject("#!/bin/sh\necho Chromium 9.8.7\n");
    const env = { CHROMIUM_PATH: path.join(root, "missing-chrome") };
    assert.equal(locateChromium({ env, projectRoot: root })?.origin, "CHROMIUM_PATH");
    assert.throws(
      () => ensureChromium({ env, projectRoot: root }),
      (error: Error) => error instanceof ChromiumUnavailableError && error.message.includes("missing-chrome"),
    );
  });

  it(
    "inflates the packaged build once into node_modules/.cache and returns a runnable executable",
    { skip: !linuxX64 },
    () => {
      const root = fakeProject("#!/bin/sh\necho Chromium 9.8.7\n");
      const executable = ensureChromium({ env: {}, projectRoot: root, systemCandidates: noSystem });
      assert.equal(executable, path.join(root, "node_modules", ".cache", "civic-pulse", "chromium-9.8.7", "chromium"));
      assert.equal(execFileSync(executable, ["--version"], { encoding: "utf8" }).trim(), "Chromium 9.8.7");
      const inflatedAt = fs.statSync(executable).mtimeMs;
      // A second project-level call (a fresh process would do the same) finds it and does not inflate again.
      fs.rmSync(path.join(root, "node_modules", "@sparticuz", "chromium", "bin", "chromium.br"));
      fs.writeFileSync(
        path.join(root, "node_modules", "@sparticuz", "chromium", "bin", "chromium.br"),
        zlib.brotliCompressSync(Buffer.from("#!/bin/sh\nexit 3\n")),
      );
      assert.equal(ensureChromium({ env: {}, projectRoot: root, systemCandidates: noSystem }), executable);
      assert.equal(fs.statSync(executable).mtimeMs, inflatedAt);
    },
  );

  it(
    "refuses a packaged build that does not start here, and leaves nothing behind to trust later",
    { skip: !linuxX64 },
    () => {
      const root = fakeProject("#!/bin/sh\necho 'error while loading shared libraries: libnss3.so' >&2\nexit 127\n");
      assert.throws(
        () => ensureChromium({ env: {}, projectRoot: root, systemCandidates: noSystem }),
        (error: Error) =>
          error instanceof ChromiumUnavailableError &&
          /does not start here \(error while loading shared libraries/.test(error.message),
      );
      assert.equal(
        fs.existsSync(path.join(root, "node_modules", ".cache", "civic-pulse", "chromium-9.8.7", "chromium")),
        false,
      );
    },
  );

  it("falls back to a system Chromium, and with none says what to install in one sentence", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-test-"));
    const system = path.join(root, "chromium");
    fs.writeFileSync(system, "#!/bin/sh\n", { mode: 0o755 });
    assert.equal(ensureChromium({ env: {}, projectRoot: root, systemCandidates: [system] }), system);
    assert.equal(locateChromium({ env: {}, projectRoot: root, systemCandidates: [] }), null);
    assert.throws(() => ensureChromium({ env: {}, projectRoot: root, systemCandidates: [] }), {
      message: NO_CHROMIUM_MESSAGE,
    });
    assert.match(NO_CHROMIUM_MESSAGE, /^[^.]*npm install[^]*chromium[^]*CHROMIUM_PATH[^.]*\.$/);
  });
});

// SVG → PNG on the server, without a browser: resvg (Rust, shipped as a native npm package) with
// the DejaVu Sans fonts bundled in lib/images/fonts. System fonts are not loaded, so the output is
// the same on a bare server as on a laptop, and text measured for DejaVu (lib/images/svg) fits.
import "server-only";
import fs from "node:fs";
import path from "node:path";

/** Resolved from the working directory, which is the repository root for `next start`, dev and tests. */
export const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
  path.join(process.cwd(), "lib", "images", "fonts", file),
);

/**
 * Rasterises an SVG document at its own width and height attributes (the images set them to the
 * requested pixel size). Runs on libuv's thread pool, so a render does not block other requests.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  // resvg skips text it has no font for without a word: fail loudly instead of serving a chart
  // with no title, labels or legend.
  const missing = FONT_FILES.filter((file) => !fs.existsSync(file));
  if (missing.length)
    throw new Error(`Report image fonts not found: ${missing.join(", ")} (is the working directory the app's root?)`);
  // Loaded at run time from node_modules, not bundled (it is also in next.config.js's
  // serverExternalPackages): the bundler cannot place resvg's native .node binary in a chunk, and
  // only image requests pay for loading it.
  const { renderAsync } = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "@resvg/resvg-js");
  const image = await renderAsync(svg, {
    fitTo: { mode: "original" },
    background: "#ffffff",
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  });
  return new Uint8Array(image.asPng());
}

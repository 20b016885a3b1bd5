// Building SVG as strings: XML escaping, elements, and text measurement for layout.
// Report images are standalone files (pasted into Word, rasterised by resvg), so they use
// presentation attributes only: no CSS, no classes that carry styling, no external references.

/**
 * DejaVu Sans first: it is what the PNG renderer has (lib/images/fonts), and layout is measured in
 * it. Verdana, on every Windows and Mac, is about as wide, so text laid out for DejaVu still fits
 * where Word draws the SVG without DejaVu; Arial is narrower, which only leaves more room.
 */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, sans-serif";

export const INK = "#0b0c0c";
export const MUTED = "#505a5f";
/** --color-synthetic in app/globals.css: the colour of every "synthetic data" label. */
export const SYNTHETIC_COLOUR = "#6f2da8";

/** Characters XML 1.0 forbids even when escaped (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type AttributeValue = string | number | null | undefined | false;

/** A number for an attribute: one decimal is sub-pixel at report sizes and keeps files small. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function attributes(attrs: Record<string, AttributeValue>): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${typeof value === "number" ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/**
 * An element. Attribute values are escaped here; `children` is markup the caller built with
 * these helpers (never raw user text: pass that through `text()` or `escapeXml`).
 */
export function el(
  name: string,
  attrs: Record<string, AttributeValue> = {},
  children?: string | readonly string[],
): string {
  const inner = Array.isArray(children) ? children.join("") : (children ?? "");
  return inner === "" ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

/** A <text> element holding escaped text. */
export function text(content: string, attrs: Record<string, AttributeValue>): string {
  return el("text", attrs, escapeXml(content));
}

// ---------------------------------------------------------------------------------------------
// Text measurement
// ---------------------------------------------------------------------------------------------

// Advance widths in thousandths of an em of the printable ASCII characters (space to "~"), read
// from the hmtx tables of the bundled DejaVu Sans 2.37 fonts (lib/images/fonts).
const REGULAR_ASCII = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
  748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635,
  615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636,
  337, 636, 838,
];
const BOLD_ASCII = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995,
  837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716,
  678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712,
  365, 712, 838,
];
/** Non-ASCII characters the images use, same source; anything else counts as a wide letter. */
const OTHER_WIDTHS: Record<string, number> = {
  "–": 500,
  "—": 1000,
  "…": 1000,
  "©": 1000,
  "·": 340,
  "’": 340,
  "‘": 340,
  "“": 560,
  "”": 560,
  "≈": 838,
  "✓": 838,
  "✕": 838,
  "▲": 769,
  "▼": 769,
  "×": 838,
};
const DEFAULT_WIDTH = 700;

/** The width of a line of text in DejaVu Sans at `fontSize` (an estimate only for characters outside ASCII). */
export function textWidth(content: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD_ASCII : REGULAR_ASCII;
  let thousandths = 0;
  for (const char of content) {
    const code = char.codePointAt(0)!;
    const ascii = code >= 32 && code < 127 ? table[code - 32] : undefined;
    thousandths += ascii ?? (OTHER_WIDTHS[char] ?? DEFAULT_WIDTH) * (bold ? 1.08 : 1);
  }
  return (thousandths / 1000) * fontSize;
}

/**
 * Greedy word wrap into lines no wider than `maxWidth`. A word too long for a line on its own is
 * cut between characters. With `maxLines`, the last line kept ends in "…" when text was left over.
 */
export function wrapText(
  content: string,
  maxWidth: number,
  fontSize: number,
  options: { bold?: boolean; maxLines?: number } = {},
): string[] {
  const { bold = false, maxLines = Infinity } = options;
  const fits = (line: string) => textWidth(line, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    // Cut an over-long word into pieces that fit.
    let piece = "";
    for (const char of word) {
      if (piece && !fits(piece + char)) {
        lines.push(piece);
        piece = "";
      }
      piece += char;
    }
    line = piece;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = ellipsize(kept[kept.length - 1]!, maxWidth, fontSize, bold);
  return kept;
}

/** The text, shortened with "…" until it fits `maxWidth` (always ends in "…"). */
function ellipsize(content: string, maxWidth: number, fontSize: number, bold: boolean): string {
  let chars = [...content];
  while (chars.length > 0 && textWidth(`${chars.join("").trimEnd()}…`, fontSize, bold) > maxWidth)
    chars = chars.slice(0, -1);
  return `${chars.join("").trimEnd()}…`;
}

/** The text on one line, shortened with "…" only if it does not fit. */
export function fitLine(content: string, maxWidth: number, fontSize: number, bold = false): string {
  return textWidth(content, fontSize, bold) <= maxWidth ? content : ellipsize(content, maxWidth, fontSize, bold);
}

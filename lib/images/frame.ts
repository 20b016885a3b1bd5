// What every report image shares: the document, its type scale, the title block with the synthetic
// data banner, and the source lines at the foot.
import {
  el,
  escapeXml,
  FONT_FAMILY,
  INK,
  MUTED,
  num,
  SYNTHETIC_COLOUR,
  text,
  textWidth,
  wrapText,
} from "@/lib/images/svg";

/** The exact words drawn on every image of synthetic figures (tests and reviewers look for them). */
export const SYNTHETIC_LABEL = "SYNTHETIC DATA — illustrative";
const SYNTHETIC_NOTE = "Generated figures that demonstrate the dashboard; not real results.";

/**
 * The drawing space. Images are laid out in a viewBox of at least `minimum` units and scaled to
 * the requested pixels, so a small image is a faithful thumbnail of a legible layout instead of
 * a cramped one; text size follows the image size, so a 2400 px PNG is not a page of tiny print.
 */
export interface Frame {
  /** Output size in pixels (the SVG's width and height attributes). */
  outputWidth: number;
  outputHeight: number;
  /** viewBox size: the units everything is drawn in. */
  width: number;
  height: number;
  /** Body text size; titles and notes are multiples of it. */
  fontSize: number;
  /** Outer margin. */
  pad: number;
}

export function createFrame(outputWidth: number, outputHeight: number, minimum = { width: 720, height: 480 }): Frame {
  const scale = Math.max(1, minimum.width / outputWidth, minimum.height / outputHeight);
  const width = Math.round(outputWidth * scale);
  const height = Math.round(outputHeight * scale);
  // 17 units at 1200 × 800; the height counts for less, so a wide strip keeps readable text.
  const fontSize = Math.round(Math.min(40, Math.max(12, Math.min(width, 1.5 * height) / 70)));
  return { outputWidth, outputHeight, width, height, fontSize, pad: Math.round(fontSize * 1.4) };
}

export const titleSize = (frame: Frame) => Math.round(frame.fontSize * 1.4);
export const noteSize = (frame: Frame) => Math.round(frame.fontSize * 0.8 * 10) / 10;
export const lineHeight = (fontSize: number) => fontSize * 1.3;

/**
 * Title (bold, up to two lines), subtitle, and for synthetic figures a boxed banner. Text is
 * placed by its baseline: one line of size s sits in a row of lineHeight(s) with the baseline at
 * about 0.8 of the row's height down.
 */
export function drawHeader(
  frame: Frame,
  header: { title: string; subtitle: string; synthetic: boolean },
): { markup: string; bottom: number } {
  const { pad, fontSize } = frame;
  const innerWidth = frame.width - 2 * pad;
  const parts: string[] = [];
  let y = pad;

  const size = titleSize(frame);
  for (const line of wrapText(header.title, innerWidth, size, { bold: true, maxLines: 2 })) {
    parts.push(text(line, { x: pad, y: y + size, "font-size": size, "font-weight": "bold", fill: INK }));
    y += lineHeight(size);
  }
  for (const line of wrapText(header.subtitle, innerWidth, fontSize, { maxLines: 2 })) {
    parts.push(text(line, { x: pad, y: y + fontSize, "font-size": fontSize, fill: MUTED }));
    y += lineHeight(fontSize);
  }
  if (header.synthetic) {
    y += fontSize * 0.4;
    parts.push(syntheticBanner(frame, pad, y));
    y += fontSize * 1.9;
  }
  return { markup: el("g", { "data-part": "header" }, parts), bottom: y + fontSize * 0.6 };
}

function syntheticBanner(frame: Frame, x: number, y: number): string {
  const { fontSize } = frame;
  const label = SYNTHETIC_LABEL;
  const boxWidth = textWidth(label, fontSize, true) + fontSize * 1.2;
  const note = wrapText(SYNTHETIC_NOTE, frame.width - frame.pad - (x + boxWidth + fontSize * 0.6), noteSize(frame), {
    maxLines: 1,
  })[0];
  return el("g", { "data-part": "synthetic-label" }, [
    el("rect", {
      x,
      y,
      width: boxWidth,
      height: fontSize * 1.6,
      rx: fontSize * 0.2,
      fill: "#ffffff",
      stroke: SYNTHETIC_COLOUR,
      "stroke-width": Math.max(1, fontSize / 10),
    }),
    text(label, {
      x: x + boxWidth / 2,
      y: y + fontSize * 1.15,
      "text-anchor": "middle",
      "font-size": fontSize,
      "font-weight": "bold",
      fill: SYNTHETIC_COLOUR,
    }),
    note
      ? text(note, {
          x: x + boxWidth + fontSize * 0.6,
          y: y + fontSize * 1.1,
          "font-size": noteSize(frame),
          fill: MUTED,
        })
      : "",
  ]);
}

/** Source and licence lines, wrapped, set against the bottom margin. */
export function drawFooter(frame: Frame, lines: readonly string[]): { markup: string; top: number } {
  const size = noteSize(frame);
  const wrapped = lines.flatMap((line) => wrapText(line, frame.width - 2 * frame.pad, size, { maxLines: 3 }));
  const top = frame.height - frame.pad - wrapped.length * lineHeight(size);
  const markup = el(
    "g",
    { "data-part": "source", "font-size": size, fill: MUTED },
    wrapped.map((line, i) => text(line, { x: frame.pad, y: top + i * lineHeight(size) + size })),
  );
  return { markup, top: top - frame.fontSize * 0.6 };
}

/** The standalone document: XML prolog, size, viewBox, accessible title and description, white page. */
export function svgDocument(
  frame: Frame,
  meta: { title: string; description: string },
  body: readonly string[],
): string {
  const svg = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: frame.outputWidth,
      height: frame.outputHeight,
      viewBox: `0 0 ${num(frame.width)} ${num(frame.height)}`,
      role: "img",
      "aria-labelledby": "cp-title cp-desc",
      "font-family": FONT_FAMILY,
    },
    [
      `<title id="cp-title">${escapeXml(meta.title)}</title>`,
      `<desc id="cp-desc">${escapeXml(meta.description)}</desc>`,
      el("rect", { width: frame.width, height: frame.height, fill: "#ffffff" }),
      ...body,
    ],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

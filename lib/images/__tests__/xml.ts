// Test helpers: a strict little XML parser (well-formedness, no DTDs) and a PNG decoder, so the
// image tests need no new dependency. Not a general-purpose parser: it rejects what SVG files
// from lib/images must never contain.
import zlib from "node:zlib";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes entity references; throws on a bare "&" or an unknown entity (not well-formed). */
function decode(raw: string, where: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) throw new Error(`bare "&" near offset ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const numeric = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(body);
    if (numeric) return String.fromCodePoint(numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]));
    throw new Error(`unknown entity "&${body};" near offset ${where}`);
  });
}

/** Parses a whole document; throws an Error saying what is wrong if it is not well-formed. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<?", i)) {
        const end = source.indexOf("?>", i);
        if (end === -1) throw new Error("unterminated processing instruction");
        i = end + 2;
      } else if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i);
        if (end === -1) throw new Error("unterminated comment");
        i = end + 3;
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    if (source[i] !== "<") throw new Error(`expected "<" at offset ${i}`);
    i++;
    const name = NAME.exec(source.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at offset ${i}`);
    i += name.length;
    const element: XmlElement = { name, attrs: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith("/>", i)) {
        i += 2;
        return element;
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      if (i === before) throw new Error(`expected whitespace before attribute at offset ${i}`);
      const attr = NAME.exec(source.slice(i))?.[0];
      if (!attr) throw new Error(`bad attribute name at offset ${i} in <${name}>`);
      i += attr.length;
      skipSpace();
      if (source[i] !== "=") throw new Error(`attribute ${attr} has no value at offset ${i}`);
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") throw new Error(`attribute ${attr} is not quoted at offset ${i}`);
      const end = source.indexOf(quote, i + 1);
      if (end === -1) throw new Error(`unterminated attribute ${attr}`);
      const raw = source.slice(i + 1, end);
      if (raw.includes("<")) throw new Error(`"<" in attribute ${attr} at offset ${i}`);
      if (attr in element.attrs) throw new Error(`duplicate attribute ${attr} in <${name}>`);
      element.attrs[attr] = decode(raw, i);
      i = end + 1;
    }
    // Content: text, comments, child elements, then the matching end tag.
    for (;;) {
      if (i >= source.length) throw new Error(`<${name}> is never closed`);
      if (source.startsWith("</", i)) {
        i += 2;
        const closing = NAME.exec(source.slice(i))?.[0];
        if (closing !== name) throw new Error(`</${closing}> closes <${name}> at offset ${i}`);
        i += closing.length;
        skipSpace();
        if (source[i] !== ">") throw new Error(`bad end tag at offset ${i}`);
        i++;
        return element;
      }
      if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i);
        if (end === -1) throw new Error("unterminated comment");
        i = end + 3;
      } else if (source[i] === "<") {
        element.children.push(parseElement());
      } else {
        const end = source.indexOf("<", i);
        const raw = source.slice(i, end === -1 ? source.length : end);
        element.text += decode(raw, i);
        i += raw.length;
      }
    }
  };

  skipMisc();
  const root = parseElement();
  skipMisc();
  if (i !== source.length) throw new Error(`content after the root element at offset ${i}`);
  return root;
}

/** Every element in document order (the root first) that satisfies the test. */
export function findAll(root: XmlElement, test: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (test(element)) found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** All text inside an element, its descendants' included, in document order. */
export function allText(element: XmlElement): string {
  return element.text + element.children.map(allText).join("");
}

export const hasClass = (element: XmlElement, name: string) => (element.attrs.class ?? "").split(/\s+/).includes(name);

// ---------------------------------------------------------------------------------------------
// PNG
// ---------------------------------------------------------------------------------------------

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first: bytes 16–19 and 20–23, big-endian. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (view.toString("ascii", 12, 16) !== "IHDR") throw new Error("IHDR is not the first chunk");
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/**
 * Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes) to its pixels: inflate the IDAT
 * chunks and undo each row's filter (PNG spec §9).
 */
export function decodeRgbaPng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const { width, height } = pngSize(png);
  const [bitDepth, colourType, , , interlace] = [view[24], view[25], view[26], view[27], view[28]];
  if (bitDepth !== 8 || colourType !== 6 || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const idat: Buffer[] = [];
  for (let offset = 8; offset < view.length;) {
    const length = view.readUInt32BE(offset);
    const type = view.toString("ascii", offset + 4, offset + 8);
    if (type === "IDAT") idat.push(view.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`bad filter ${filter} on row ${y}`);
      pixels[y * stride + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** The text of every <text> element inside, one space between elements (wrapped lines read as one). */
export function drawnText(element: XmlElement): string {
  return findAll(element, (e) => e.name === "text")
    .map((e) => allText(e))
    .join(" ");
}

// Reading an import file as UTF-8 text, in chunks so that a large file never has to fit in
// memory, and refusing files that are not UTF-8 text with a reason an officer can act on
// (UTF-16 "Unicode text" from Excel, Latin-1 "CSV (Windows)", an .xlsx workbook).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { FileProblem } from "@/lib/import/problems";

/** Bytes looked at to recognise UTF-16, a workbook or a binary file. */
const SNIFF_BYTES = 4096;
/**
 * Read size. 64 kB keeps each batch of parsed rows small enough to die young in the garbage
 * collector: with 1 MB chunks checking a million rows took 40 % longer and 100 MB more memory.
 */
export const READ_CHUNK_BYTES = 1 << 16;

/** The file's name without its folders: what messages and the import record call it. */
export function displayName(file: string): string {
  return path.basename(file);
}

/** SHA-256 of the file's bytes, read in chunks. */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}

/** Why the start of a file shows it is not UTF-8 text, or null if it may be. */
export function sniffEncodingProblem(start: Uint8Array): string | null {
  const b0 = start[0];
  const b1 = start[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return (
      'The file is saved as UTF-16 (Excel calls this "Unicode Text"), not UTF-8. ' +
      'Open it and save it again as "CSV UTF-8 (Comma delimited)".'
    );
  }
  if (b0 === 0x50 && b1 === 0x4b && start[2] === 0x03 && start[3] === 0x04) {
    return 'This is a spreadsheet workbook (.xlsx) or another zip file, not a CSV. In Excel use "Save As" → "CSV UTF-8 (Comma delimited)".';
  }
  const sample = start.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  if (zeros > 0) {
    // UTF-16 without a byte-order mark puts a zero byte beside every ASCII character.
    return zeros * 4 > sample.length
      ? 'The file looks like UTF-16 text without a byte-order mark, not UTF-8. Save it again as "CSV UTF-8 (Comma delimited)".'
      : "The file contains zero bytes, so it is not a text file. Check that you chose the right file.";
  }
  return null;
}

/** Counts line breaks as the CSV parser does: CRLF, lone CR and LF each end one line. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence (the length if none). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    // Sequence length and the allowed range of its second byte (excluding overlongs and surrogates).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * The 1-based line holding byte `offset` of a file: counted by reading the file again, which
 * is only done when reporting a problem, so that reading a good file costs no line counting.
 */
export function lineAtByte(file: string, offset: number): number {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 16);
    let line = 1;
    let position = 0;
    let previous = -1;
    while (position < offset) {
      const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, offset - position), position);
      if (read === 0) break;
      for (let i = 0; i < read; i++) {
        const byte = buffer[i]!;
        // CRLF, lone CR and LF each end one line, as in countLineBreaks.
        if (byte === 10 ? previous !== 13 : byte === 13) line++;
        previous = byte;
      }
      position += read;
    }
    return line;
  } finally {
    fs.closeSync(fd);
  }
}

export interface TextChunkOptions {
  /** Called with the number of bytes read so far, for progress. */
  onBytes?: (bytesRead: number) => void;
  /** Called with every chunk of raw bytes as read (e.g. to hash the file while streaming it). */
  onRawChunk?: (bytes: Uint8Array) => void;
  chunkBytes?: number;
}

/**
 * The file's text in chunks (a multi-byte character is never split between chunks), without a
 * leading UTF-8 byte-order mark. Throws a FileProblem for a file that is not UTF-8 text, naming
 * the line of the first invalid byte sequence.
 */
export async function* readTextChunks(file: string, options: TextChunkOptions = {}): AsyncGenerator<string> {
  const name = displayName(file);
  // The decoder drops a leading byte-order mark itself, even one split across chunks.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const badLine = () => lineAtByte(file, firstInvalidUtf8Byte(fs.readFileSync(file)));
  // The first bytes are held back until there are enough to recognise the file's encoding.
  let head: Buffer | null = Buffer.alloc(0);
  let bytesRead = 0;

  const decode = (bytes: Uint8Array, last: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      throw new FileProblem({
        file: name,
        line: badLine(),
        message: last
          ? "The file ends in the middle of a character: it is not valid UTF-8 text (or it was cut short)."
          : 'This line is not valid UTF-8 text. The file was probably saved as "CSV (Windows)" or Latin-1; ' +
            'save it again as "CSV UTF-8 (Comma delimited)".',
      });
    }
  };
  const sniff = (start: Buffer) => {
    const problem = sniffEncodingProblem(start);
    if (problem) throw new FileProblem({ file: name, message: problem });
  };

  for await (const raw of fs.createReadStream(file, { highWaterMark: options.chunkBytes ?? READ_CHUNK_BYTES })) {
    let bytes = raw as Buffer;
    bytesRead += bytes.length;
    options.onRawChunk?.(bytes);
    if (head !== null) {
      head = Buffer.concat([head, bytes]);
      if (head.length < SNIFF_BYTES) continue;
      sniff(head);
      bytes = head;
      head = null;
    }
    const text = decode(bytes, false);
    options.onBytes?.(bytesRead);
    if (text) yield text;
  }
  if (head !== null) {
    // A file shorter than the sniffing window.
    sniff(head);
    const text = decode(head, false);
    options.onBytes?.(bytesRead);
    if (text) yield text;
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest) yield rest;
}

/** The whole file as text (for JSON and GeoJSON), with the same encoding checks. */
export async function readWholeText(file: string): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of readTextChunks(file)) parts.push(chunk);
  return parts.join("");
}

/**
 * Text encodings of files people bring: Excel in Russia saves CSV as Windows-1251, in China as
 * GBK/GB18030, elsewhere as Windows-1252; everything else we expect is UTF-8. Detection: a BOM;
 * else valid UTF-8 is UTF-8; else each legacy candidate is decoded and scored by how much of the
 * result looks like its script. The caller shows the guess and lets the user change it.
 */
export const ENCODINGS = ['utf-8', 'windows-1251', 'gb18030', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingName = (typeof ENCODINGS)[number];

export function isTextEncodingName(value: string): value is TextEncodingName {
  return ENCODINGS.some((e) => e === value);
}

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** `bom` and `utf8` are certain; `guess` is the best-scoring legacy encoding. */
  how: 'bom' | 'utf8' | 'guess';
}

/** Bytes looked at: enough for thousands of names, small enough to decode in a blink. */
export const SAMPLE_BYTES = 64 * 1024;

function bomOf(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function isUtf8(bytes: Uint8Array, cut: boolean): boolean {
  try {
    // `stream` forgives a character cut at the end of a sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return true;
  } catch {
    return false;
  }
}

const CJK = /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/u;
const CYR_LOWER = /[\u0430-\u044F\u0451]/u;
const CYR_UPPER = /[\u0410-\u042F\u0401]/u;
const LATIN_ACCENTED = /[\u00C0-\u00FF]/u;

/** How much of the non-ASCII text decoded as `encoding` looks like that encoding's script (0–1). */
export function scriptScore(bytes: Uint8Array, encoding: 'windows-1251' | 'gb18030' | 'windows-1252'): number {
  const text = new TextDecoder(encoding).decode(bytes);
  let other = 0;
  let good = 0;
  let bad = 0;
  let runs = 0;
  let inRun = false;
  for (const ch of text) {
    const ascii = ch.charCodeAt(0) < 0x80;
    if (!ascii && !inRun) runs++;
    inRun = !ascii;
    if (ascii) continue;
    other++;
    if (ch === '\uFFFD') bad++;
    else if (encoding === 'gb18030') good += CJK.test(ch) ? 1 : 0;
    // Russian prose is mostly lower case; GBK bytes read as 1251 mix cases and symbols.
    else if (encoding === 'windows-1251') good += CYR_LOWER.test(ch) ? 1 : CYR_UPPER.test(ch) ? 0.5 : 0;
    else good += LATIN_ACCENTED.test(ch) ? 1 : 0;
  }
  if (other === 0) return 0;
  const score = (good - 2 * bad) / other;
  // Western text has a lone accented letter inside Latin words; Cyrillic comes in whole words.
  const runLength = other / Math.max(1, runs);
  if (encoding === 'windows-1252') return runLength < 1.6 ? score : score / 2;
  if (encoding === 'windows-1251') return runLength >= 1.6 ? score : score / 2;
  return score;
}

/** Detects a file's encoding from its first bytes (pass at most `SAMPLE_BYTES`; `cut` when there is more). */
export function detectEncoding(bytes: Uint8Array, cut = false): DetectedEncoding {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom, how: 'bom' };
  if (isUtf8(bytes, cut)) return { encoding: 'utf-8', how: 'utf8' };
  const candidates = (['windows-1251', 'gb18030', 'windows-1252'] as const).map((encoding) => ({ encoding, score: scriptScore(bytes, encoding) }));
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return { encoding: best.encoding, how: 'guess' };
}

export interface DecodeOptions {
  /** Bytes read per step (default 4 MiB). */
  chunkBytes?: number;
  onProgress?: (read: number, total: number) => void;
  signal?: AbortSignal;
}

/** The file's first bytes, for `detectEncoding`. */
export async function sampleOf(file: Blob): Promise<{ bytes: Uint8Array; cut: boolean }> {
  return { bytes: new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer()), cut: file.size > SAMPLE_BYTES };
}

/** Reads a file as text in the given encoding, step by step (progress, cancel), never all bytes at once. */
export async function decodeFile(file: Blob, encoding: TextEncodingName, options: DecodeOptions = {}): Promise<string> {
  const step = Math.max(1024, options.chunkBytes ?? 4 * 1024 * 1024);
  const decoder = new TextDecoder(encoding);
  const parts: string[] = [];
  for (let start = 0; start < file.size; start += step) {
    options.signal?.throwIfAborted();
    const bytes = new Uint8Array(await file.slice(start, start + step).arrayBuffer());
    parts.push(decoder.decode(bytes, { stream: start + step < file.size }));
    options.onProgress?.(Math.min(file.size, start + step), file.size);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A file whose first bytes hold NULs or a known image/archive signature is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const signatures = [
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x47, 0x49, 0x46, 0x38], // GIF
    [0x50, 0x4b, 0x03, 0x04], // ZIP (also .xlsx)
    [0x25, 0x50, 0x44, 0x46], // PDF
    [0xd0, 0xcf, 0x11, 0xe0], // old Office (.xls)
  ];
  if (signatures.some((sig) => sig.every((b, i) => bytes[i] === b))) return true;
  // UTF-16 text has NULs by design; its BOM says so.
  if (bomOf(bytes)?.startsWith('utf-16')) return false;
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return head.length > 0 && controls / head.length > 0.05;
}

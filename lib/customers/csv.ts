/**
 * Reads a customer CSV without freezing the page: the text is parsed by papaparse in chunks, and
 * we yield to the event loop between chunks while reporting progress. A 50,000-row export is
 * ~10 MB of text, so a File/Blob is read as text once (FileReader-free, so it works in every
 * extension context and in tests) and then parsed chunk by chunk.
 *
 * Rows come back as header → value records plus their spreadsheet row numbers (header = row 1,
 * blank lines counted), the detected export format and a suggested mapping.
 */
import Papa from 'papaparse';
import { decodeFile, detectEncoding, looksBinary, sampleOf, type TextEncodingName } from '../encoding/detect';
import type { CustomerColumnMapping, CustomerCsvFormat, ImportRowError } from '../schemas/customers';
import { detectFormat, mappingFor, suggestMapping } from './mapping';
import { IMPORT_ERROR, mapRowsInChunks, yieldMacrotask, type MapRowsResult } from './mapRows';

export { detectFormat, headerKey, mappingFor, suggestMapping } from './mapping';
export { IMPORT_ERROR, createRowMapper, mapRows, mapRowsInChunks, type MapRowsOptions, type MapRowsResult } from './mapRows';

export interface CsvProgress {
  /** Data rows read so far. */
  rows: number;
  /** Characters of the text parsed so far, out of `total`. */
  processed: number;
  total: number;
}

/** Bigger files are refused before reading: ~250,000 rows of a Shopify export, the staging limit. */
export const MAX_CSV_BYTES = 40 * 1024 * 1024;
/** Rows one import may stage (the background's limit in lib/db/importStaging.ts). */
export const MAX_CSV_ROWS = 250_000;

/** Why a file is refused before its columns are shown. */
export type FileProblem = { kind: 'tooBig'; bytes: number; limit: number } | { kind: 'binary' } | { kind: 'tooManyRows'; rows: number; limit: number };

/** Checks a file's size and first bytes, before anything is read or parsed. */
export async function checkCsvFile(file: Blob): Promise<FileProblem | undefined> {
  if (file.size > MAX_CSV_BYTES) return { kind: 'tooBig', bytes: file.size, limit: MAX_CSV_BYTES };
  const { bytes } = await sampleOf(file);
  return looksBinary(bytes) ? { kind: 'binary' } : undefined;
}

export interface ParseCsvOptions {
  /** Text encoding of a file (default: detected from its first bytes). */
  encoding?: TextEncodingName;
  onProgress?: (progress: CsvProgress) => void;
  /** Characters per chunk (default 256 KiB ≈ 1–3k rows). */
  chunkSize?: number;
  /** Awaited between chunks; defaults to a macrotask so the UI can paint. */
  yieldToUi?: () => Promise<void>;
  signal?: AbortSignal;
}

export interface ParsedCsv {
  headers: string[];
  rows: Record<string, string>[];
  /** Spreadsheet row number of each entry in `rows`. */
  rowNumbers: number[];
  /** Rows the reader could not take apart (bad quoting, extra cells). */
  errors: ImportRowError[];
  format: CustomerCsvFormat;
  /** Exact mapping of a recognised export, or a suggestion for a custom file. */
  mapping: CustomerColumnMapping;
  delimiter: string;
  /** The encoding the file was read with, and whether it was detected (else chosen by the user). */
  encoding: TextEncodingName;
  encodingDetected: boolean;
}

/** Headers made unique ("Email", "Email (2)") and stripped of a byte-order mark. */
function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Parses a CSV file or string into records, chunk by chunk. */
export async function parseCustomerCsv(input: Blob | string, options: ParseCsvOptions = {}): Promise<ParsedCsv> {
  let encoding: TextEncodingName = options.encoding ?? 'utf-8';
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (options.encoding === undefined) {
      const { bytes, cut } = await sampleOf(input);
      encoding = detectEncoding(bytes, cut).encoding;
    }
    // Decoding runs at hundreds of MB/s: progress is reported by the parse below.
    text = await decodeFile(input, encoding, { signal: options.signal });
  }
  const total = text.length;
  const pause = options.yieldToUi ?? yieldMacrotask;
  const out: ParsedCsv = {
    headers: [], rows: [], rowNumbers: [], errors: [], format: 'custom', mapping: {}, delimiter: ',',
    encoding, encodingDetected: typeof input !== 'string' && options.encoding === undefined,
  };
  let recordCount = 0; // records seen, header included: record k is spreadsheet row k
  let headerDone = false;

  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(options.signal?.reason ?? new Error('aborted'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: false,
      chunkSize: Math.max(1024, options.chunkSize ?? 256 * 1024),
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        out.delimiter = results.meta.delimiter || out.delimiter;
        const firstRecord = recordCount;
        const broken = new Set<number>();
        for (const error of results.errors) {
          // A delimiter Papa could not guess falls back to ',': a warning about the file, not a row.
          if (error.type === 'Delimiter') continue;
          // Papa's row index is relative to this chunk's records.
          const index = error.row ?? 0;
          broken.add(index);
          out.errors.push({ row: Math.max(1, firstRecord + index + 1), reason: IMPORT_ERROR.malformedCsv, detail: error.code });
        }
        for (const [index, cells] of results.data.entries()) {
          recordCount++;
          // Bad quoting swallows the following lines into one record: report it, never import it.
          if (broken.has(index)) continue;
          if (!headerDone) {
            if (cells.every((c) => c.trim() === '')) continue; // leading blank lines before the header
            out.headers = uniqueHeaders(cells);
            headerDone = true;
            continue;
          }
          if (cells.every((c) => c.trim() === '')) continue;
          if (cells.length > out.headers.length && cells.slice(out.headers.length).some((c) => c.trim() !== '')) {
            out.errors.push({ row: recordCount, reason: IMPORT_ERROR.tooManyFields, detail: `${cells.length}/${out.headers.length}` });
            continue;
          }
          const record: Record<string, string> = {};
          out.headers.forEach((header, i) => {
            record[header] = cells[i] ?? '';
          });
          out.rows.push(record);
          out.rowNumbers.push(recordCount);
        }
        options.onProgress?.({ rows: out.rows.length, processed: Math.min(total, results.meta.cursor), total });
        if (options.signal?.aborted) {
          parser.abort();
          return;
        }
        parser.pause();
        pause().then(
          () => parser.resume(),
          (error: unknown) => {
            parser.abort();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      },
      complete() {
        options.signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      error(error: Error) {
        reject(error);
      },
    });
  });

  options.onProgress?.({ rows: out.rows.length, processed: total, total });
  out.format = detectFormat(out.headers);
  // Sample values let a custom "Facebook" column of links map to the profile URL.
  out.mapping = out.format === 'custom' ? suggestMapping(out.headers, out.rows.slice(0, 20)) : mappingFor(out.format, out.headers);
  return out;
}

/** Parse + map in one go with the detected/suggested mapping (or the caller's edited one). */
export async function importCustomerCsv(
  input: Blob | string,
  options: ParseCsvOptions & { mapping?: CustomerColumnMapping; now?: number } = {},
): Promise<MapRowsResult & { parsed: ParsedCsv }> {
  const parsed = await parseCustomerCsv(input, options);
  const result = await mapRowsInChunks(parsed.rows, options.mapping ?? parsed.mapping, {
    rowNumbers: parsed.rowNumbers,
    now: options.now,
    source: parsed.format === 'custom' ? 'csv' : `csv:${parsed.format}`,
    yieldToUi: options.yieldToUi,
    signal: options.signal,
  });
  return { customers: result.customers, errors: [...parsed.errors, ...result.errors].sort((a, b) => a.row - b.row), parsed };
}

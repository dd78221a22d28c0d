/**
 * CSV records → Customer records. Every row that is not imported is reported with its spreadsheet
 * row number and a reason code; nothing is dropped silently (blank rows hold nothing to drop).
 *
 * Ids are derived from the strongest identifier (email, else X handle, else Facebook URL, else a
 * hash of the name and order numbers), so importing the same file again produces the same ids and
 * the DB layer's bulkPut updates instead of duplicating. The DB layer should keep the stored
 * `createdAt` when it updates an existing id.
 */
import { CustomerSchema, type Customer, type CustomerColumnMapping, type CustomerImportField, type ImportRowError } from '../schemas/customers';
import {
  normaliseEmail,
  normaliseFacebookUrl,
  normaliseName,
  normaliseXHandle,
  parseMoney,
  splitOrderNumbers,
  splitTags,
  stableHash,
} from './normalise';

/** Reason codes for ImportRowError.reason; the UI translates them. */
export const IMPORT_ERROR = {
  noIdentifier: 'noIdentifier',
  invalidEmail: 'invalidEmail',
  invalidHandle: 'invalidHandle',
  invalidFacebookUrl: 'invalidFacebookUrl',
  invalidTotalSpent: 'invalidTotalSpent',
  invalidOrderCount: 'invalidOrderCount',
  duplicateEmail: 'duplicateEmail',
  duplicateHandle: 'duplicateHandle',
  duplicateFacebookUrl: 'duplicateFacebookUrl',
  duplicateRow: 'duplicateRow',
  invalidRow: 'invalidRow',
  // Raised by the CSV reader (csv.ts).
  malformedCsv: 'malformedCsv',
  tooManyFields: 'tooManyFields',
} as const;

export interface MapRowsOptions {
  /** Spreadsheet row number of each record; defaults to index + 2 (header is row 1). */
  rowNumbers?: readonly number[];
  /** Timestamp for createdAt/updatedAt. */
  now?: number;
  /** Customer.source, e.g. "csv:shopify". */
  source?: string;
}

export interface MapRowsResult {
  customers: Customer[];
  errors: ImportRowError[];
}

type IdBasis = 'email' | 'handle' | 'facebookUrl' | 'row';
const DUPLICATE_REASON: Record<IdBasis, string> = {
  email: IMPORT_ERROR.duplicateEmail,
  handle: IMPORT_ERROR.duplicateHandle,
  facebookUrl: IMPORT_ERROR.duplicateFacebookUrl,
  row: IMPORT_ERROR.duplicateRow,
};

const clip = (s: string, max = 300): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const HAN = /\p{Script=Han}/u;

/** "First Last", or "姓名" without a space when both parts are Chinese (family name first). */
function joinName(first: string, last: string): string {
  if (!first || !last) return first || last;
  return HAN.test(first) && HAN.test(last) ? `${last}${first}` : `${first} ${last}`;
}

function parseCount(raw: string): number | undefined {
  const money = parseMoney(raw);
  if (!money || money.currency || money.amount < 0 || !Number.isInteger(money.amount)) return undefined;
  return money.amount;
}

/** Stateful mapper: duplicate detection spans every row added, so large files can be fed in chunks. */
export function createRowMapper(mapping: CustomerColumnMapping, options: Omit<MapRowsOptions, 'rowNumbers'> = {}) {
  const now = options.now ?? Date.now();
  const source = (options.source ?? 'csv').slice(0, 60);
  const customers: Customer[] = [];
  const errors: ImportRowError[] = [];
  const firstRowById = new Map<string, number>();

  const read = (row: Readonly<Record<string, string>>, field: CustomerImportField): string => {
    const header = mapping[field];
    return header === undefined ? '' : (row[header] ?? '').trim();
  };

  function add(row: Readonly<Record<string, string>>, rowNumber: number): void {
    if (Object.values(row).every((v) => v.trim() === '')) return;
    const rowErrors: ImportRowError[] = [];
    const fail = (reason: string, detail: string): void => {
      rowErrors.push({ row: rowNumber, reason, detail: clip(detail) });
    };

    const rawEmail = read(row, 'email');
    const email = rawEmail ? normaliseEmail(rawEmail) : '';
    if (email === undefined) fail(IMPORT_ERROR.invalidEmail, rawEmail);

    const rawHandle = read(row, 'xHandle');
    const xHandle = rawHandle ? normaliseXHandle(rawHandle) : '';
    if (xHandle === undefined) fail(IMPORT_ERROR.invalidHandle, rawHandle);

    const rawFbUrl = read(row, 'facebookUrl');
    const facebookUrl = rawFbUrl ? normaliseFacebookUrl(rawFbUrl) : '';
    if (facebookUrl === undefined) fail(IMPORT_ERROR.invalidFacebookUrl, rawFbUrl);

    const rawSpent = read(row, 'totalSpent');
    const spent = rawSpent ? parseMoney(rawSpent) : { amount: 0, currency: '' };
    if (!spent || spent.amount < 0) fail(IMPORT_ERROR.invalidTotalSpent, rawSpent);

    const orderNumbers = splitOrderNumbers(read(row, 'orderNumbers'));
    const rawCount = read(row, 'orderCount');
    const orderCount = rawCount ? parseCount(rawCount) : orderNumbers.length;
    if (orderCount === undefined) fail(IMPORT_ERROR.invalidOrderCount, rawCount);

    const name = (read(row, 'name') || joinName(read(row, 'firstName'), read(row, 'lastName'))).slice(0, 300);
    const facebookName = read(row, 'facebookName').slice(0, 300);
    const nameKey = normaliseName(name || facebookName).slice(0, 300);

    if (rowErrors.length === 0 && !email && !xHandle && !facebookUrl && !nameKey && orderNumbers.length === 0) {
      fail(IMPORT_ERROR.noIdentifier, '');
    }
    if (rowErrors.length > 0 || email === undefined || xHandle === undefined || facebookUrl === undefined || !spent || orderCount === undefined) {
      errors.push(...rowErrors);
      return;
    }

    const [basis, id, shown]: [IdBasis, string, string] = email
      ? ['email', `email:${stableHash(email)}`, email]
      : xHandle
        ? ['handle', `x:${xHandle}`, `@${xHandle}`]
        : facebookUrl
          ? ['facebookUrl', `fb:${stableHash(facebookUrl)}`, facebookUrl]
          : ['row', `row:${stableHash([nameKey, facebookName, orderNumbers.join(' ')].join('\u0000'))}`, name || facebookName || orderNumbers.join(', ')];
    const firstRow = firstRowById.get(id);
    if (firstRow !== undefined) {
      errors.push({ row: rowNumber, reason: DUPLICATE_REASON[basis], detail: clip(shown), firstRow });
      return;
    }

    const parsed = CustomerSchema.safeParse({
      id,
      name,
      email,
      xHandle,
      facebookName,
      facebookUrl,
      nameKey,
      orderCount,
      totalSpent: spent.amount,
      currency: spent.currency,
      orderNumbers,
      notes: read(row, 'notes').slice(0, 5000),
      tags: splitTags(read(row, 'tags')),
      source,
      createdAt: now,
      updatedAt: now,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ row: rowNumber, reason: IMPORT_ERROR.invalidRow, detail: clip(`${issue?.path.join('.') ?? ''}: ${issue?.code ?? ''}`) });
      return;
    }
    firstRowById.set(id, rowNumber);
    customers.push(parsed.data);
  }

  return {
    add,
    result: (): MapRowsResult => ({ customers, errors }),
  };
}

/** Maps all rows at once (fine up to a few thousand rows; use mapRowsInChunks for big files). */
export function mapRows(rows: readonly Readonly<Record<string, string>>[], mapping: CustomerColumnMapping, options: MapRowsOptions = {}): MapRowsResult {
  const mapper = createRowMapper(mapping, options);
  rows.forEach((row, i) => mapper.add(row, options.rowNumbers?.[i] ?? i + 2));
  return mapper.result();
}

export interface ChunkedOptions extends MapRowsOptions {
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Awaited between chunks so the UI can paint; defaults to a macrotask. */
  yieldToUi?: () => Promise<void>;
  signal?: AbortSignal;
}

export const yieldMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** mapRows for big files: same result, yielding to the UI between chunks of rows. */
export async function mapRowsInChunks(rows: readonly Readonly<Record<string, string>>[], mapping: CustomerColumnMapping, options: ChunkedOptions = {}): Promise<MapRowsResult> {
  const mapper = createRowMapper(mapping, options);
  // ~25 µs a row (mostly schema parsing): 1000-row slices keep each pause short (~25 ms).
  const chunkSize = Math.max(1, options.chunkSize ?? 1000);
  const pause = options.yieldToUi ?? yieldMacrotask;
  for (let start = 0; start < rows.length; start += chunkSize) {
    options.signal?.throwIfAborted();
    const end = Math.min(rows.length, start + chunkSize);
    for (let i = start; i < end; i++) {
      const row = rows[i];
      if (row) mapper.add(row, options.rowNumbers?.[i] ?? i + 2);
    }
    options.onProgress?.(end, rows.length);
    if (end < rows.length) await pause();
  }
  return mapper.result();
}

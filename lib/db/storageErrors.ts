/**
 * Storage failures in plain terms. A full disk reaches us as QuotaExceededError, wrapped by Dexie
 * (AbortError / BulkError / DatabaseClosedError with an `inner` error, or only in the message), so
 * the whole chain is searched. Panels turn the code into words (components/notSaved.ts).
 */
export type StorageProblem = 'storageFull' | 'databaseClosed';

function* chain(e: unknown, depth = 0): Generator<unknown> {
  if (depth > 5 || typeof e !== 'object' || e === null) return;
  yield e;
  for (const key of ['inner', 'cause']) yield* chain(Reflect.get(e, key), depth + 1);
  const failures: unknown = Reflect.get(e, 'failures');
  if (Array.isArray(failures)) for (const f of failures.slice(0, 5)) yield* chain(f, depth + 1);
}

const text = (e: unknown): string => {
  if (typeof e !== 'object' || e === null) return String(e);
  const name: unknown = Reflect.get(e, 'name');
  const message: unknown = Reflect.get(e, 'message');
  return `${typeof name === 'string' ? name : ''} ${typeof message === 'string' ? message : ''}`;
};

export function isStorageFull(e: unknown): boolean {
  for (const link of chain(e)) if (/QuotaExceeded|quota/i.test(text(link))) return true;
  return /QuotaExceeded/i.test(text(e));
}

export function storageProblem(e: unknown): StorageProblem | undefined {
  if (isStorageFull(e)) return 'storageFull';
  for (const link of chain(e)) if (/DatabaseClosed|InvalidStateError|UnknownError/.test(text(link))) return 'databaseClosed';
  return undefined;
}

/** Error names the background sends back for storage failures (panels match on them). */
export const STORAGE_ERROR_NAMES: Record<StorageProblem, string> = {
  storageFull: 'ReplylineStorageFull',
  databaseClosed: 'ReplylineDatabaseClosed',
};

/** The error a handler's caller receives: storage failures named, everything else as it was. */
export function sendableError(e: unknown): unknown {
  const problem = storageProblem(e);
  if (problem === undefined) return e;
  const out = new Error(text(e).trim());
  out.name = STORAGE_ERROR_NAMES[problem];
  return out;
}

/** What a caller (a panel) received: a named storage failure, or one found in the error's text. */
export function receivedProblem(e: unknown): StorageProblem | undefined {
  const name: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'name') : undefined;
  if (name === STORAGE_ERROR_NAMES.storageFull) return 'storageFull';
  if (name === STORAGE_ERROR_NAMES.databaseClosed) return 'databaseClosed';
  return storageProblem(e);
}

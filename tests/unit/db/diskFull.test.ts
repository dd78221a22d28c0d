/**
 * A full disk: the database opens again once space is back, and every failure is named plainly.
 * The fake IndexedDB fails `open` with QuotaExceededError while `full` is set, as Chromium does.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { indexedDB as realIndexedDB, IDBKeyRange } from 'fake-indexeddb';
import { reopenIfFailed } from '@/lib/db/db';
import { STORAGE_ERROR_NAMES, isStorageFull, receivedProblem, sendableError, storageProblem, type StorageProblem } from '@/lib/db/storageErrors';
import { healthOf, checkStorage, LOW_STORAGE_BYTES } from '@/lib/storageHealth';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function fullDisk() {
  const state = { full: true };
  const factory = new Proxy(realIndexedDB, {
    get(target, prop) {
      if (prop === 'open' && state.full) {
        return () => {
          const req: Record<string, unknown> = {};
          queueMicrotask(() => {
            req.error = quota();
            const onerror = req.onerror;
            if (typeof onerror === 'function') onerror.call(req, { target: req, type: 'error', preventDefault() {}, stopPropagation() {} });
          });
          return req;
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { state, factory };
}

let seq = 0;

describe('after a failed open the database opens again', () => {
  it('fails while the disk is full, works once space is freed (without a reload)', async () => {
    const { state, factory } = fullDisk();
    const db = new Dexie(`disk-full-${++seq}`, { indexedDB: factory, IDBKeyRange });
    db.version(1).stores({ settings: 'id' });
    const put = () => db.table('settings').put({ id: 'me', agentName: 'Dana' });
    await expect(put()).rejects.toSatisfy(isStorageFull);
    state.full = false;
    // Dexie alone stays closed for good ("DatabaseClosedError: QuotaExceededError"):
    await expect(put()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(reopenIfFailed(db)).toBe(true);
    await expect(put()).resolves.toBe('me');
    expect(await db.table('settings').get('me')).toEqual({ id: 'me', agentName: 'Dana' });
    expect(reopenIfFailed(db)).toBe(false);
    db.close();
  });

  it('a deliberate close stays closed', async () => {
    const db = new Dexie(`closed-${++seq}`, { indexedDB: realIndexedDB, IDBKeyRange });
    db.version(1).stores({ settings: 'id' });
    await db.open();
    db.close();
    expect(reopenIfFailed(db)).toBe(false);
  });
});

describe('storage failures in plain terms', () => {
  const bulk = Object.assign(new Error('customers.bulkPut(): 2078 of 3000 operations failed. Errors: AbortError'), {
    name: 'BulkError',
    failures: [Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() })],
  });
  const closed = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError', inner: quota() });

  it.each<[string, unknown, StorageProblem | undefined]>([
    ['QuotaExceededError', quota(), 'storageFull'],
    ["Dexie's BulkError around it", bulk, 'storageFull'],
    ['DatabaseClosedError: QuotaExceededError', closed, 'storageFull'],
    ['a closed database', Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }), 'databaseClosed'],
    ['anything else', new Error('Unknown post x:1'), undefined],
  ])('%s → %s', (_label, error, problem) => {
    expect(storageProblem(error)).toBe(problem);
    // What the panel receives (name and message only, as messages carry errors) says the same.
    const sent = sendableError(error);
    const received = sent instanceof Error ? Object.assign(new Error(sent.message), { name: sent.name }) : sent;
    expect(receivedProblem(received)).toBe(problem);
    if (problem) expect(sent).toMatchObject({ name: STORAGE_ERROR_NAMES[problem] });
    else expect(sent).toBe(error);
  });
});

describe('storage running low', () => {
  it.each([
    [{ usage: 10, quota: 10 + LOW_STORAGE_BYTES - 1 }, true],
    [{ usage: 10, quota: 10 + LOW_STORAGE_BYTES }, false],
    [{}, false],
  ])('%o → low %s', (estimate, low) => {
    expect(healthOf(estimate, false).low).toBe(low);
  });

  it('asks for persistent storage once, and never throws', async () => {
    const asked: string[] = [];
    const storage = {
      persisted: async () => false,
      persist: async () => (asked.push('persist'), true),
      estimate: async () => ({ usage: 900, quota: 1000 }),
    };
    expect(await checkStorage(storage)).toEqual({ freeBytes: 100, low: true, persisted: true });
    expect(asked).toEqual(['persist']);
    expect(await checkStorage({ estimate: () => Promise.reject(new Error('nope')) })).toEqual({ low: false, persisted: false });
    expect(await checkStorage(undefined)).toEqual({ low: false, persisted: false });
  });
});

/** Reads the extension's database from one of its pages (the extension origin owns it). */
import type { Page } from '@playwright/test';

/** Every record of one object store. */
export async function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('replyline');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error ?? new Error('read failed'));
        };
      }),
    store,
  );
}

/** How many queue items are in each state, straight from the store (no live query in between). */
export async function queueStateCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of await readStore(page, 'queue')) {
    const state = item && typeof item === 'object' ? Reflect.get(item, 'state') : undefined;
    if (typeof state === 'string') counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

/** The panel's read of the eviction notice the background records (../eviction.ts), and its dismissal. */
import { useEffect, useState } from 'react';
import { EVICTED_KEY, parseEvictedNotice, type EvictedNotice } from '../eviction';

export function useEvictedNotice(): EvictedNotice | undefined {
  const [notice, setNotice] = useState<EvictedNotice>();
  useEffect(() => {
    const scope = new AbortController();
    const read = () =>
      void browser.storage.local.get(EVICTED_KEY).then((stored) => {
        if (!scope.signal.aborted) setNotice(parseEvictedNotice(stored[EVICTED_KEY]));
      });
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && EVICTED_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    scope.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
    read();
    return () => scope.abort();
  }, []);
  return notice;
}

export async function dismissEvictedNotice(): Promise<void> {
  await browser.storage.local.remove(EVICTED_KEY);
}

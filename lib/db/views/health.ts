/**
 * Pages where detection is failing, for the panel's banner. Health rows are kept per tab; the banner
 * reads the rows of the site tabs open now by key (no scan of the table).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { PageHealth } from '../../schemas/posts';
import { SITE_MATCH_PATTERNS } from '../../sites/registry';
import { getDb } from '../db';

/** Ids of the open tabs on the sites Replyline reads; re-read as tabs load, navigate and close. */
function useSiteTabIds(): number[] | undefined {
  const [ids, setIds] = useState<number[]>();
  useEffect(() => {
    const scope = new AbortController();
    const refresh = () => {
      void browser.tabs.query({ url: [...SITE_MATCH_PATTERNS] }).then((tabs) => {
        if (!scope.signal.aborted) setIds(tabs.flatMap((t) => (t.id === undefined ? [] : [t.id])).sort((a, b) => a - b));
      });
    };
    refresh();
    browser.tabs.onUpdated.addListener(refresh);
    browser.tabs.onRemoved.addListener(refresh);
    scope.signal.addEventListener('abort', () => {
      browser.tabs.onUpdated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(refresh);
    });
    return () => scope.abort();
  }, []);
  return ids;
}

export function useBrokenPages(): PageHealth[] | undefined {
  const tabIds = useSiteTabIds();
  const key = tabIds?.join(',');
  return useLiveQuery(async () => {
    if (!tabIds) return undefined;
    const rows = await getDb().pageHealth.bulkGet(tabIds);
    return rows.filter((h): h is PageHealth => h !== undefined && !h.ok);
  }, [key]);
}

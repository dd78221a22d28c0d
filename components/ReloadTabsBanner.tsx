/**
 * Tabs left with an outdated copy of the content script after an update (lib/background/reattach.ts
 * could not attach a fresh one): mentions there are not collected until the tab reloads.
 */
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { RELOAD_TABS_KEY, parseReloadTabs, type ReloadTab } from '@/lib/pipeline/reloadTabs';

function useReloadTabs(): ReloadTab[] {
  const [tabs, setTabs] = useState<ReloadTab[]>([]);
  useEffect(() => {
    const scope = new AbortController();
    const read = () =>
      void browser.storage.local.get(RELOAD_TABS_KEY).then((stored) => {
        if (!scope.signal.aborted) setTabs(parseReloadTabs(stored[RELOAD_TABS_KEY]));
      });
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && RELOAD_TABS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    scope.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
    read();
    return () => scope.abort();
  }, []);
  return tabs;
}

export function ReloadTabsBanner() {
  const tabs = useReloadTabs();
  if (tabs.length === 0) return null;
  return (
    <div className="banner warn" role="alert">
      <p>
        <strong>{i18n.t('reload.title')}</strong> {i18n.t('reload.hint')}
      </p>
      <ul className="reload-tabs">
        {tabs.map((tab) => (
          <li key={tab.tabId}>
            <span className="reload-tab-title" title={tab.url}>
              {tab.title || tab.url || i18n.t('reload.untitled')}
            </span>{' '}
            <button type="button" className="link" onClick={() => void browser.tabs.reload(tab.tabId)}>
              {i18n.t('reload.button')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

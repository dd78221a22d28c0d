/** The agent's side panel: queue first, set-up views behind tabs. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { Tabs, type TabDef } from '@/components/Tabs';
import { PageHealthBanner } from '@/components/PageHealthBanner';
import { ReloadTabsBanner } from '@/components/ReloadTabsBanner';
import { StorageBanner } from '@/components/StorageBanner';
import { EvictedBanner } from '@/components/EvictedBanner';
import { TeamStatusBar } from '@/components/team/TeamStatusBar';
import { QueueView } from './views/QueueView';
import { BrandsView } from './views/BrandsView';
import { SettingsView } from './views/SettingsView';
import { CustomersView } from './views/CustomersView';
import { TemplatesView } from './views/TemplatesView';

type TabId = 'queue' | 'customers' | 'templates' | 'brands' | 'settings';

export function App() {
  const [tab, setTab] = useState<TabId>('queue');
  const [customersOpened, setCustomersOpened] = useState(false);
  if (tab === 'customers' && !customersOpened) setCustomersOpened(true);
  const tabs: TabDef<TabId>[] = [
    { id: 'queue', label: i18n.t('nav.queue') },
    { id: 'customers', label: i18n.t('customers.tab') },
    { id: 'templates', label: i18n.t('templates.tab') },
    { id: 'brands', label: i18n.t('nav.brands') },
    { id: 'settings', label: i18n.t('nav.settings') },
  ];
  return (
    <div className="app">
      <header className="app-header">
        <h1>{i18n.t('extName')}</h1>
        <button
          type="button"
          className="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') })}
        >
          {i18n.t('nav.openReview')}
        </button>
      </header>
      <PageHealthBanner />
      <ReloadTabsBanner />
      <EvictedBanner />
      <StorageBanner />
      <TeamStatusBar />
      <Tabs tabs={tabs} active={tab} onChange={setTab} label={i18n.t('nav.label')} />
      <main className="app-main" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'queue' && <QueueView onSetUpBrand={() => setTab('brands')} />}
        {/* Kept mounted once opened: an import in progress survives a look at another tab. */}
        {customersOpened && (
          <div hidden={tab !== 'customers'} className="tab-keepalive">
            <CustomersView />
          </div>
        )}
        {tab === 'templates' && <TemplatesView />}
        {tab === 'brands' && <BrandsView />}
        {tab === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}

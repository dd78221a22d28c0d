/** The agent's own settings: name (used in templates and the reply log) and X Premium length. */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { sendMessage } from '@/lib/messages';
import { ExportLog } from '@/components/review/ExportLog';

export function SettingsView() {
  const settings = useLiveQuery(() => getDb().settings.get('me'), []);
  const [agentName, setAgentName] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setAgentName(settings?.agentName ?? ''), [settings?.agentName]);

  return (
    <>
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void sendMessage('settingsSave', { agentName }).then(() => setSaved(true));
      }}
    >
      <label className="field">
        <span>{i18n.t('settings.agentName')}</span>
        <input value={agentName} onChange={(e) => { setAgentName(e.target.value); setSaved(false); }} />
      </label>
      <label className="field inline">
        <input
          type="checkbox"
          checked={settings?.xPremium ?? false}
          onChange={(e) => void sendMessage('settingsSave', { xPremium: e.target.checked })}
        />
        <span>{i18n.t('settings.xPremium')}</span>
      </label>
      <p className="muted">{i18n.t('settings.privacy')}</p>
      <section className="card">
        <div>
          <strong>{i18n.t('settings.demoTitle')}</strong>
          <p className="muted">{i18n.t('settings.demoBody')}</p>
        </div>
        <button type="button" onClick={() => void sendMessage('demoLoad', {}).then(() => setSaved(true))}>
          {i18n.t('settings.demoLoad')}
        </button>
      </section>
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('common.save')}</button>
        {saved && <span role="status">{i18n.t('common.saved')}</span>}
      </div>
    </form>
    <ExportLog />
    </>
  );
}

/** The agent's own settings: name (used in templates and the reply log) and X Premium length. */
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { useSettings } from '@/lib/db/views/records';
import { sendMessage, type MessageInput } from '@/lib/messages';
import { ExportLog } from '@/components/review/ExportLog';
import { notSavedText } from '@/components/notSaved';
import { TeamSection } from '@/components/team/TeamSection';

export function SettingsView() {
  const settings = useSettings();
  const [agentName, setAgentName] = useState('');
  const [saved, setSaved] = useState(false);
  // What did not reach the database (disk full…), said next to the button that tried.
  const [failure, setFailure] = useState('');
  const save = (patch: MessageInput<'settingsSave'>) =>
    sendMessage('settingsSave', patch).then(
      () => { setSaved(true); setFailure(''); },
      (error: unknown) => { setSaved(false); setFailure(notSavedText(error, 'settingsSave')); },
    );
  useEffect(() => setAgentName(settings?.agentName ?? ''), [settings?.agentName]);

  return (
    <>
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ agentName });
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
          onChange={(e) => void save({ xPremium: e.target.checked })}
        />
        <span>{i18n.t('settings.xPremium')}</span>
      </label>
      <p className="muted">{i18n.t('settings.privacy')}</p>
      <section className="card">
        <div>
          <strong>{i18n.t('settings.demoTitle')}</strong>
          <p className="muted">{i18n.t('settings.demoBody')}</p>
        </div>
        <button type="button" onClick={() => void sendMessage('demoLoad', {}).then(() => setSaved(true), (error: unknown) => setFailure(notSavedText(error, 'demoLoad')))}>
          {i18n.t('settings.demoLoad')}
        </button>
      </section>
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('common.save')}</button>
        {saved && <span role="status">{i18n.t('common.saved')}</span>}
        {failure && <p className="banner error" role="alert" data-testid="settings-not-saved">{failure}</p>}
      </div>
    </form>
    <ExportLog />
    <TeamSection agentName={settings?.agentName ?? ''} />
    </>
  );
}

/**
 * Settings → Join a team: the server's address, an invite code and the name teammates will see.
 * The server's origin is asked for as an optional host permission right here (the click is the
 * user gesture the browser requires); without a team nothing is ever sent anywhere.
 */
import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import { ServerUrlSchema } from '@/lib/team/records';
import { InviteCodeSchema } from '@/lib/team/protocol';
import { defaultDeviceName } from './deviceName';

type JoinProblem = 'url' | 'code' | 'name' | 'permission' | 'unreachable' | 'invite' | 'rateLimited' | 'server';

/** Asks for the server's origin; true when granted (or already held). */
async function allowServer(origin: string): Promise<boolean> {
  const origins = [`${origin}/*`];
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

export function JoinTeamForm({ defaultName }: { defaultName: string }) {
  const [serverUrl, setServerUrl] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const [displayName, setDisplayName] = useState(defaultName);
  const [problem, setProblem] = useState<JoinProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = ServerUrlSchema.safeParse(serverUrl.trim());
    const code = InviteCodeSchema.safeParse(inviteCode);
    if (!url.success) return setProblem('url');
    if (!code.success) return setProblem('code');
    if (!displayName.trim()) return setProblem('name');
    setBusy(true);
    setProblem(undefined);
    // permissions.request must run before any other await: it needs this click's user gesture.
    void allowServer(url.data)
      .then(async (granted) => {
        if (!granted) return setProblem('permission');
        const deviceName = defaultDeviceName(displayName.trim(), navigator);
        const result = await sendMessage('teamJoin', { serverUrl: url.data, inviteCode: code.data, displayName: displayName.trim(), deviceName });
        if (!result.ok) setProblem(result.error);
      })
      .catch(() => setProblem('server'))
      .finally(() => setBusy(false));
  };

  return (
    <form className="form card-block team-join" onSubmit={submit} aria-labelledby="team-join-title">
      <h2 id="team-join-title">{i18n.t('team.join.title')}</h2>
      <p className="muted">{i18n.t('team.join.body')}</p>
      <label className="field">
        <span>{i18n.t('team.join.serverUrl')}</span>
        <input name="serverUrl" type="url" inputMode="url" placeholder="https://replyline.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      </label>
      <label className="field">
        <span>{i18n.t('team.join.inviteCode')}</span>
        <input name="inviteCode" autoCapitalize="characters" placeholder="ABCD-EFGH-JKLM" value={inviteCode} onChange={(e) => setInviteCode(e.target.value)} />
      </label>
      <label className="field">
        <span>{i18n.t('team.join.displayName')}</span>
        <input name="displayName" maxLength={120} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <p className="hint">{i18n.t('team.join.privacy')}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{i18n.t('team.join.submit')}</button>
        {problem && <span role="alert" className="team-join-error">{i18n.t(`team.join.error.${problem}`)}</span>}
      </div>
    </form>
  );
}

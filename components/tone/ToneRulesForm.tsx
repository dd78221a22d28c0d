/** The brand's tone rules: which checks run, which block insertion, and the phrase lists. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import { ToneCheckIdSchema, type BrandProfile, type ToneCheckId, type ToneRules } from '@/lib/schemas/settings';
import { checkLabel } from './findingText';

const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** "avoid => prefer" per line; lines without an arrow are ignored rather than guessed. */
export function parsePreferred(s: string): ToneRules['preferredPhrases'] {
  return lines(s).flatMap((line) => {
    const [avoid, prefer] = line.split(/\s*=>\s*/u);
    return avoid && prefer ? [{ avoid, prefer }] : [];
  });
}

const CHECKS: readonly ToneCheckId[] = ToneCheckIdSchema.options;

export function ToneRulesForm({ brand }: { brand: BrandProfile }) {
  const rules = brand.toneRules;
  const [enabled, setEnabled] = useState<ToneCheckId[]>(rules.enabled);
  const [blocking, setBlocking] = useState<ToneCheckId[]>(rules.blocking);
  const [banned, setBanned] = useState(rules.bannedPhrases.join('\n'));
  const [preferred, setPreferred] = useState(rules.preferredPhrases.map((p) => `${p.avoid} => ${p.prefer}`).join('\n'));
  const [overPromising, setOverPromising] = useState(rules.overPromisingPhrases.join('\n'));
  const [greetingRequired, setGreetingRequired] = useState(rules.greetingRequired);
  const [bannedGreetings, setBannedGreetings] = useState(rules.bannedGreetings.join('\n'));
  const [signOff, setSignOff] = useState(rules.signOff);
  const [emojiPolicy, setEmojiPolicy] = useState(rules.emojiPolicy);
  const [saved, setSaved] = useState(false);

  const toggle = (list: ToneCheckId[], id: ToneCheckId, on: boolean): ToneCheckId[] => (on ? [...new Set([...list, id])] : list.filter((c) => c !== id));
  const touch = () => setSaved(false);

  const save = async () => {
    const toneRules: ToneRules = {
      enabled,
      blocking: blocking.filter((c) => enabled.includes(c)),
      bannedPhrases: lines(banned),
      preferredPhrases: parsePreferred(preferred),
      overPromisingPhrases: lines(overPromising),
      greetingRequired,
      bannedGreetings: lines(bannedGreetings),
      signOff: signOff.trim(),
      emojiPolicy,
    };
    await sendMessage('toneRulesSave', { brandId: brand.id, toneRules });
    setSaved(true);
  };

  return (
    <form
      className="form tone-rules"
      aria-labelledby="tone-rules-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="tone-rules-heading">{i18n.t('tone.rules')}</h3>
      <p className="muted">{i18n.t('tone.rulesHint')}</p>
      <table className="table tone-checks">
        <thead>
          <tr>
            <th scope="col">{i18n.t('tone.rules')}</th>
            <th scope="col">{i18n.t('tone.checkOn')}</th>
            <th scope="col">{i18n.t('tone.checkBlocks')}</th>
          </tr>
        </thead>
        <tbody>
          {CHECKS.map((id) => (
            <tr key={id} data-tone-rule={id}>
              <th scope="row">{checkLabel(id)}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${i18n.t('tone.checkOn')}: ${checkLabel(id)}`}
                  checked={enabled.includes(id)}
                  onChange={(e) => {
                    setEnabled(toggle(enabled, id, e.target.checked));
                    touch();
                  }}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${i18n.t('tone.checkBlocks')}: ${checkLabel(id)}`}
                  checked={blocking.includes(id) && enabled.includes(id)}
                  disabled={!enabled.includes(id)}
                  onChange={(e) => {
                    setBlocking(toggle(blocking, id, e.target.checked));
                    touch();
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span>{i18n.t('tone.bannedPhrases')}</span>
        <textarea rows={3} value={banned} onChange={(e) => { setBanned(e.target.value); touch(); }} />
      </label>
      <label className="field">
        <span>{i18n.t('tone.preferredPhrases')}</span>
        <textarea rows={3} value={preferred} onChange={(e) => { setPreferred(e.target.value); touch(); }} placeholder={i18n.t('tone.preferredExample')} />
      </label>
      <label className="field">
        <span>{i18n.t('tone.overPromisingPhrases')}</span>
        <textarea rows={2} value={overPromising} onChange={(e) => { setOverPromising(e.target.value); touch(); }} />
      </label>
      <label className="field inline">
        <input type="checkbox" checked={greetingRequired} onChange={(e) => { setGreetingRequired(e.target.checked); touch(); }} />
        <span>{i18n.t('tone.greetingRequired')}</span>
      </label>
      <label className="field">
        <span>{i18n.t('tone.bannedGreetings')}</span>
        <textarea rows={2} value={bannedGreetings} onChange={(e) => { setBannedGreetings(e.target.value); touch(); }} />
      </label>
      <label className="field">
        <span>{i18n.t('tone.signOff')}</span>
        <input value={signOff} maxLength={80} onChange={(e) => { setSignOff(e.target.value); touch(); }} />
      </label>
      <label className="field">
        <span>{i18n.t('tone.emojiPolicy')}</span>
        <select
          value={emojiPolicy}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'allowed' || v === 'noneInComplaints' || v === 'never') setEmojiPolicy(v);
            touch();
          }}
        >
          <option value="allowed">{i18n.t('tone.policyAllowed')}</option>
          <option value="noneInComplaints">{i18n.t('tone.policyNoneInComplaints')}</option>
          <option value="never">{i18n.t('tone.policyNever')}</option>
        </select>
      </label>
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('tone.save')}</button>
        {saved && <span role="status">{i18n.t('tone.saved')}</span>}
      </div>
    </form>
  );
}

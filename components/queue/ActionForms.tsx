/**
 * The small forms behind Snooze…, Dismiss…, Escalate… and Follow up…: each takes the focus when it
 * opens (keyboard agents keep going without the mouse), Enter confirms, Esc cancels (QueueView).
 */
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { followUpPresetAt, fromLocalInput, snoozePresetAt, toLocalInput, type FollowUpPreset, type SnoozePreset } from './times';

export const DISMISS_REASONS = ['spam', 'notForUs', 'duplicate', 'resolvedElsewhere', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** A stored dismiss reason in the agent's language (free text for "other" stays as typed). */
export function dismissReasonLabel(stored: string): string {
  const known = DISMISS_REASONS.find((r) => r === stored);
  return known ? i18n.t(`triageUi.dismiss.${known}`) : stored;
}

/** Enter on a radio button submits, as it does in a text field. */
function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}

function Shell({ title, onSubmit, onCancel, confirm, children }: { title: string; onSubmit: () => void; onCancel: () => void; confirm: string; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="action-form" aria-label={title} onSubmit={submit} onKeyDown={submitOnEnter} data-action-form>
      <fieldset>
        <legend>{title}</legend>
        {children}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">{confirm}</button>
        <button type="button" onClick={onCancel}>{i18n.t('triageUi.cancel')}</button>
      </div>
    </form>
  );
}

type When<P extends string> = { kind: 'preset'; preset: P } | { kind: 'custom' };

/** Presets plus a custom date-time; shared by snooze and follow-up. */
function WhenPicker<P extends string>({ name, presets, label, value, onChange, custom, onCustom, now }: {
  name: string;
  presets: readonly P[];
  label: (p: P) => string;
  value: When<P>;
  onChange: (w: When<P>) => void;
  custom: string;
  onCustom: (v: string) => void;
  now: number;
}) {
  return (
    <>
      {presets.map((p) => (
        <label key={p} className="field inline">
          {/* The default choice takes the focus, so Enter alone confirms it. */}
          <input type="radio" name={name} autoFocus={value.kind === 'preset' && value.preset === p} checked={value.kind === 'preset' && value.preset === p} onChange={() => onChange({ kind: 'preset', preset: p })} />
          <span>{label(p)}</span>
        </label>
      ))}
      <label className="field inline">
        <input type="radio" name={name} checked={value.kind === 'custom'} onChange={() => onChange({ kind: 'custom' })} />
        <span>{i18n.t('triageUi.snooze.custom')}</span>
      </label>
      {value.kind === 'custom' && (
        <input type="datetime-local" aria-label={i18n.t('triageUi.snooze.custom')} value={custom} min={toLocalInput(now)} onChange={(e) => onCustom(e.target.value)} />
      )}
    </>
  );
}

const SNOOZE_PRESETS: readonly SnoozePreset[] = ['in1h', 'in3h', 'tomorrow', 'nextWeek'];
const FOLLOW_UP_PRESETS: readonly FollowUpPreset[] = ['in1h', 'tomorrow', 'in3d'];

export function SnoozeForm({ onSubmit, onCancel }: { onSubmit: (until: number) => void; onCancel: () => void }) {
  const now = Date.now();
  const [when, setWhen] = useState<When<SnoozePreset>>({ kind: 'preset', preset: 'in1h' });
  const [custom, setCustom] = useState(() => toLocalInput(now + 3_600_000));
  const [error, setError] = useState(false);
  const submit = () => {
    const at = when.kind === 'preset' ? snoozePresetAt(when.preset, Date.now()) : fromLocalInput(custom);
    if (at === undefined || at <= Date.now()) return setError(true);
    onSubmit(at);
  };
  return (
    <Shell title={i18n.t('triageUi.snooze.title')} confirm={i18n.t('triageUi.snooze.confirm')} onSubmit={submit} onCancel={onCancel}>
      <WhenPicker name="snooze" presets={SNOOZE_PRESETS} label={(p) => i18n.t(`triageUi.snooze.${p}`)} value={when} onChange={setWhen} custom={custom} onCustom={setCustom} now={now} />
      {error && <p className="banner error" role="alert">{i18n.t('triageUi.snooze.past')}</p>}
    </Shell>
  );
}

export function FollowUpForm({ onSubmit, onCancel }: { onSubmit: (at: number) => void; onCancel: () => void }) {
  const now = Date.now();
  const [when, setWhen] = useState<When<FollowUpPreset>>({ kind: 'preset', preset: 'tomorrow' });
  const [custom, setCustom] = useState(() => toLocalInput(now + 86_400_000));
  const [error, setError] = useState(false);
  const submit = () => {
    const at = when.kind === 'preset' ? followUpPresetAt(when.preset, Date.now()) : fromLocalInput(custom);
    if (at === undefined || at <= Date.now()) return setError(true);
    onSubmit(at);
  };
  return (
    <Shell title={i18n.t('triageUi.followUp.title')} confirm={i18n.t('triageUi.followUp.confirm')} onSubmit={submit} onCancel={onCancel}>
      <WhenPicker name="followUp" presets={FOLLOW_UP_PRESETS} label={(p) => i18n.t(`triageUi.followUp.${p}`)} value={when} onChange={setWhen} custom={custom} onCustom={setCustom} now={now} />
      {error && <p className="banner error" role="alert">{i18n.t('triageUi.snooze.past')}</p>}
    </Shell>
  );
}

export function DismissForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState<DismissReason>('spam');
  const [other, setOther] = useState('');
  return (
    <Shell
      title={i18n.t('triageUi.dismiss.title')}
      confirm={i18n.t('triageUi.dismiss.confirm')}
      onSubmit={() => onSubmit(reason === 'other' ? other.trim() || 'other' : reason)}
      onCancel={onCancel}
    >
      {DISMISS_REASONS.map((r, i) => (
        <label key={r} className="field inline">
          <input type="radio" name="dismiss" autoFocus={i === 0} checked={reason === r} onChange={() => setReason(r)} />
          <span>{i18n.t(`triageUi.dismiss.${r}`)}</span>
        </label>
      ))}
      {reason === 'other' && (
        <label className="field">
          <span>{i18n.t('triageUi.dismiss.otherText')}</span>
          <input value={other} maxLength={300} onChange={(e) => setOther(e.target.value)} />
        </label>
      )}
    </Shell>
  );
}

export function EscalateForm({ initialNote, onSubmit, onCancel }: { initialNote: string; onSubmit: (note: string, colleague: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState(initialNote);
  const [colleague, setColleague] = useState('');
  return (
    <Shell title={i18n.t('triageUi.escalate.title')} confirm={i18n.t('triageUi.escalate.confirm')} onSubmit={() => onSubmit(note.trim(), colleague.trim())} onCancel={onCancel}>
      <label className="field">
        <span>{i18n.t('triageUi.escalate.note')}</span>
        <textarea autoFocus rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className="field">
        <span>{i18n.t('triageUi.escalate.colleague')}</span>
        <input maxLength={120} value={colleague} onChange={(e) => setColleague(e.target.value)} />
      </label>
    </Shell>
  );
}

/** Team mode's Escalate…: to a named teammate, with a note; it lands in their queue with a notice. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useTeamMembers } from '@/lib/db/views/team';

export function TeamAssignForm({ meId, initialNote, onSubmit, onCancel }: {
  meId: string;
  initialNote: string;
  onSubmit: (memberId: string, note: string, escalate: boolean) => void;
  onCancel: () => void;
}) {
  const members = useTeamMembers();
  const others = (members ?? []).filter((m) => m.id !== meId);
  const [memberId, setMemberId] = useState('');
  const [note, setNote] = useState(initialNote);
  const [escalate, setEscalate] = useState(true);
  const chosen = memberId || others[0]?.id || '';
  const onShift = others.filter((m) => m.online && m.onShift).map((m) => m.displayName);
  return (
    <form
      className="action-form"
      aria-label={i18n.t('team.assign.title')}
      data-action-form
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onSubmit(chosen, note.trim(), escalate);
      }}
    >
      <fieldset>
        <legend>{i18n.t('team.assign.title')}</legend>
        {others.length === 0 ? (
          <p className="muted">{i18n.t('team.assign.nobody')}</p>
        ) : (
          <label className="field">
            <span>{i18n.t('team.assign.to')}</span>
            <select autoFocus name="assignee" value={chosen} onChange={(e) => setMemberId(e.target.value)}>
              {others.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </label>
        )}
        {onShift.length > 0 && <p className="hint">{i18n.t('team.assign.onShiftNow', [onShift.join(', ')])}</p>}
        <label className="field">
          <span>{i18n.t('team.assign.note')}</span>
          <textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <label className="field inline">
          <input type="checkbox" checked={escalate} onChange={(e) => setEscalate(e.target.checked)} />
          <span>{i18n.t('team.assign.escalate')}</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={!chosen}>{i18n.t('team.assign.confirm')}</button>
        <button type="button" onClick={onCancel}>{i18n.t('triageUi.cancel')}</button>
      </div>
    </form>
  );
}

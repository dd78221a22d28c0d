/** Tone notes for a brand: brand-wide ones and the agent's own, shown next to the composer. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import type { ToneNote } from '@/lib/schemas/templates';
import { newId } from '../compose/ids';

export function ToneNotesEditor({ brandId, agentName, notes }: { brandId: string; agentName: string; notes: readonly ToneNote[] }) {
  const [text, setText] = useState('');
  const [mine, setMine] = useState(false);
  const me = agentName.trim();
  const visible = notes.filter((n) => n.agent === '' || n.agent === me);

  const add = async () => {
    if (text.trim() === '') return;
    await sendMessage('toneNoteSave', { id: newId('note'), brandId, agent: mine && me ? me : '', text: text.trim(), createdAt: Date.now() });
    setText('');
  };

  return (
    <section className="tone-notes-editor" aria-labelledby="tone-notes-heading">
      <h3 id="tone-notes-heading">{i18n.t('tone.notes')}</h3>
      <p className="muted">{i18n.t('tone.notesHint')}</p>
      {visible.length === 0 ? (
        <p className="muted">{i18n.t('tone.notesEmpty')}</p>
      ) : (
        <ul className="tone-notes">
          {visible.map((n) => (
            <li key={n.id} data-tone-note={n.id}>
              <span>{n.text}</span>
              {n.agent !== '' && <span className="muted"> · {i18n.t('tone.notePersonal')}</span>}
              <button type="button" className="link" onClick={() => void sendMessage('toneNoteDelete', { id: n.id })} aria-label={`${i18n.t('tone.noteDelete')}: ${n.text}`}>
                {i18n.t('tone.noteDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span>{i18n.t('tone.noteText')}</span>
          <input value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
        </label>
        <fieldset className="radios">
          <label className="field inline">
            <input type="radio" name="note-scope" checked={!mine} onChange={() => setMine(false)} />
            <span>{i18n.t('tone.noteForBrand')}</span>
          </label>
          <label className="field inline">
            <input type="radio" name="note-scope" checked={mine} disabled={me === ''} onChange={() => setMine(true)} />
            <span>{i18n.t('tone.noteForMe')}</span>
          </label>
        </fieldset>
        <button type="submit" disabled={text.trim() === ''}>
          {i18n.t('tone.noteAdd')}
        </button>
      </form>
    </section>
  );
}

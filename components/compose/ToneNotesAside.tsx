/** The brand's and the agent's tone notes, next to the composer. */
import { i18n } from '#i18n';
import type { ToneNote } from '@/lib/schemas/templates';

export function ToneNotesAside({ notes, agentName }: { notes: readonly ToneNote[]; agentName: string }) {
  const visible = notes.filter((n) => n.agent === '' || n.agent === agentName.trim());
  if (visible.length === 0) return null;
  return (
    <aside className="tone-notes-aside" aria-labelledby="compose-notes-heading">
      <h4 id="compose-notes-heading">{i18n.t('compose.notes')}</h4>
      <ul>
        {visible.map((n) => (
          <li key={n.id}>
            {n.text}
            {n.agent !== '' && <span className="muted"> {i18n.t('compose.notePersonal')}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Saved replies with search (`/code` or words) and edit / duplicate / delete per row. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import type { Template } from '@/lib/schemas/templates';
import { searchTemplates } from '@/lib/templates/search';
import { count, plural } from '@/lib/i18n/ui';

interface Props {
  templates: readonly Template[];
  agentName: string;
  onEdit: (t: Template) => void;
  onDuplicate: (t: Template) => void;
}

export function TemplateList({ templates, agentName, onEdit, onDuplicate }: Props) {
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<string | undefined>();
  const hits = searchTemplates(templates, query);
  return (
    <section className="template-list">
      <label className="field">
        <span>{i18n.t('templates.search')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="tpl-search-hint" placeholder="/late" />
        <small id="tpl-search-hint" className="muted">{i18n.t('templates.searchHint')}</small>
      </label>
      {hits.length === 0 && <p className="muted">{i18n.t('templates.noMatch', [query])}</p>}
      <ul className="cards">
        {hits.map(({ template: t }) => (
          <li key={t.id} className="card template-card" data-template-code={t.shortCode}>
            <div>
              <strong>/{t.shortCode}</strong> {t.title}
              <p className="muted">
                {t.scope === 'shared' ? i18n.t('templates.scopeShared') : i18n.t('templates.scopePersonal', [t.owner || agentName])}
                {' · '}
                {plural(i18n.t('templates.wordings', [count(t.bodies.length)]), t.bodies.length)}
                {t.useCount > 0 && ` · ${i18n.t('templates.used', [count(t.useCount)])}`}
                {t.tags.length > 0 && ` · #${t.tags.join(' #')}`}
              </p>
              <p className="template-body">{t.bodies[0]}</p>
            </div>
            <div className="actions">
              <button type="button" onClick={() => onEdit(t)} aria-label={`${i18n.t('templates.edit')} /${t.shortCode}`}>
                {i18n.t('templates.edit')}
              </button>
              <button type="button" onClick={() => onDuplicate(t)} aria-label={`${i18n.t('templates.duplicate')} /${t.shortCode}`}>
                {i18n.t('templates.duplicate')}
              </button>
              {confirming === t.id ? (
                <>
                  <button type="button" className="danger" onClick={() => void sendMessage('templateDelete', { id: t.id }).then(() => setConfirming(undefined))}>
                    {i18n.t('templates.confirmDelete', [t.shortCode])}
                  </button>
                  <button type="button" onClick={() => setConfirming(undefined)}>{i18n.t('templates.cancel')}</button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirming(t.id)} aria-label={`${i18n.t('templates.delete')} /${t.shortCode}`}>
                  {i18n.t('templates.delete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

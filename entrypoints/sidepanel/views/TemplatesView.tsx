/**
 * Templates tab: the brand's saved replies (shared and the agent's own) and its tone of voice —
 * tone notes and the rules the composer checks against.
 */
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { EmptyState } from '@/components/EmptyState';
import { TemplateEditor } from '@/components/templates/TemplateEditor';
import { TemplateList } from '@/components/templates/TemplateList';
import { ToneNotesEditor } from '@/components/tone/ToneNotesEditor';
import { ToneRulesForm } from '@/components/tone/ToneRulesForm';
import { duplicateDraft, EMPTY_DRAFT, templateToDraft, visibleTemplates, type TemplateDraft } from '@/lib/compose';
import { useBrands, useSettings, useTemplates, useToneNotes } from '@/lib/db/views/records';
import type { Template } from '@/lib/schemas/templates';

type Editing = { draft: TemplateDraft; template?: Template; key: string } | undefined;

export function TemplatesView() {
  const settings = useSettings();
  const brands = useBrands();
  const all = useTemplates();
  const [chosenBrand, setChosenBrand] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>();
  const agentName = settings?.agentName ?? '';
  const brandId = chosenBrand ?? settings?.activeBrandId ?? brands?.[0]?.id;
  const brand = brands?.find((b) => b.id === brandId);
  const notes = useToneNotes(brandId);
  const templates = useMemo(() => visibleTemplates(all ?? [], brandId, agentName), [all, brandId, agentName]);

  if (brands === undefined || all === undefined) return null;
  if (!brand) return <EmptyState title={i18n.t('templates.heading')} body={i18n.t('templates.noBrand')} />;

  const open = (draft: TemplateDraft, template?: Template) => setEditing({ draft, template, key: `${template?.id ?? 'new'}-${Date.now()}` });

  return (
    <div className="templates-view">
      {brands.length > 1 && (
        <label className="field">
          <span>{i18n.t('templates.brand')}</span>
          <select value={brand.id} onChange={(e) => { setChosenBrand(e.target.value); setEditing(undefined); }}>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>{b.name}</option>
            ))}
          </select>
        </label>
      )}
      <section aria-labelledby="templates-heading">
        <div className="section-head">
          <h2 id="templates-heading">{i18n.t('templates.heading')}</h2>
          {!editing && (
            <button type="button" className="primary" onClick={() => open(EMPTY_DRAFT)}>
              {i18n.t('templates.new')}
            </button>
          )}
        </div>
        {editing ? (
          <TemplateEditor
            key={editing.key}
            initial={editing.draft}
            editing={editing.template}
            brandId={brand.id}
            agentName={agentName}
            others={templates.filter((t) => t.id !== editing.template?.id)}
            onDone={() => setEditing(undefined)}
          />
        ) : templates.length === 0 ? (
          <EmptyState title={i18n.t('templates.emptyTitle')} body={i18n.t('templates.emptyBody')}>
            <pre className="example">{i18n.t('templates.emptyExample')}</pre>
            <button
              type="button"
              onClick={() => open({ ...EMPTY_DRAFT, shortCode: 'late', title: i18n.t('templates.exampleTitle'), tags: i18n.t('templates.exampleTags'), bodies: [i18n.t('templates.emptyExample')] })}
            >
              {i18n.t('templates.useExample')}
            </button>
          </EmptyState>
        ) : (
          <TemplateList
            templates={templates}
            agentName={agentName}
            onEdit={(t) => open(templateToDraft(t), t)}
            onDuplicate={(t) => open(duplicateDraft(t, templates))}
          />
        )}
      </section>
      <section aria-labelledby="tone-heading" className="tone-section">
        <h2 id="tone-heading">{i18n.t('tone.section')}</h2>
        <ToneNotesEditor brandId={brand.id} agentName={agentName} notes={notes ?? []} />
        <ToneRulesForm key={brand.id} brand={brand} />
      </section>
    </div>
  );
}

/**
 * Create or edit a template: short code, title, scope, tags, alternative wordings and per-site
 * wordings, with a variables cheat sheet, a live preview on sample data and validation with
 * positions before saving. The background re-checks the short code (another panel may have
 * taken it meanwhile).
 */
import { useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import {
  draftToTemplate,
  previewBody,
  validateDraft,
  type BodyField,
  type TemplateDraft,
} from '@/lib/compose';
import { sendMessage } from '@/lib/messages';
import type { Template } from '@/lib/schemas/templates';
import { newId } from '../compose/ids';
import { sampleContext } from './sample';
import { BodyListEditor } from './BodyListEditor';
import { issueText, bodyLabel } from './issueText';
import { VariableCheatSheet } from './VariableCheatSheet';

interface Props {
  initial: TemplateDraft;
  /** The stored template being edited; absent for a new one or a duplicate. */
  editing?: Template;
  brandId: string;
  agentName: string;
  /** Templates the same agent sees, excluding the one edited (short codes must differ). */
  others: readonly Template[];
  onDone: () => void;
}

export function TemplateEditor({ initial, editing, brandId, agentName, others, onDone }: Props) {
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [tried, setTried] = useState(false);
  const [serverIssue, setServerIssue] = useState(false);
  const [focus, setFocus] = useState<{ field: BodyField; index: number }>({ field: 'bodies', index: 0 });
  const focusedEl = useRef<HTMLTextAreaElement | null>(null);

  const issues = useMemo(() => validateDraft(draft, others), [draft, others]);
  const sample = useMemo(() => sampleContext(agentName ? { 'agent.name': agentName } : {}), [agentName]);
  const previewSource = draft[focus.field][focus.index] ?? draft.bodies[0] ?? '';
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setServerIssue(false);
  };

  const insertAtCursor = (snippet: string) => {
    const el = focusedEl.current;
    const list = draft[focus.field];
    const body = list[focus.index] ?? '';
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + snippet + body.slice(end);
    set(focus.field, list.length === 0 ? [snippet] : list.map((b, i) => (i === focus.index ? next : b)));
    // Put the cursor after the inserted variable once React has written the new value.
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const save = async () => {
    setTried(true);
    if (issues.length > 0) return;
    const now = Date.now();
    const template = draftToTemplate(draft, {
      id: editing?.id ?? newId('tpl'),
      owner: agentName,
      brandId: editing ? editing.brandId : brandId,
      createdAt: editing?.createdAt ?? now,
      useCount: editing?.useCount ?? 0,
      now,
    });
    const answer = await sendMessage('templateSave', template);
    if (!answer.ok) {
      setServerIssue(true);
      return;
    }
    onDone();
  };

  const topIssues = issues.filter((i) => !('index' in i));
  const onFocusBody = (field: BodyField, index: number, el: HTMLTextAreaElement) => {
    focusedEl.current = el;
    if (field !== focus.field || index !== focus.index) setFocus({ field, index });
  };

  return (
    <form
      className="form template-editor"
      aria-label={i18n.t('templates.form.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{i18n.t('templates.form.shortCode')}</span>
        <input value={draft.shortCode} maxLength={41} onChange={(e) => set('shortCode', e.target.value)} aria-describedby="code-hint" />
        <small id="code-hint" className="muted">{i18n.t('templates.form.shortCodeHint')}</small>
      </label>
      <label className="field">
        <span>{i18n.t('templates.form.title')}</span>
        <input value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} />
      </label>
      <fieldset className="radios">
        <legend>{i18n.t('templates.form.scope')}</legend>
        <label className="field inline">
          <input type="radio" name="scope" checked={draft.scope === 'shared'} onChange={() => set('scope', 'shared')} />
          <span>{i18n.t('templates.scopeShared')}</span>
        </label>
        <label className="field inline">
          <input type="radio" name="scope" checked={draft.scope === 'personal'} disabled={agentName.trim() === ''} onChange={() => set('scope', 'personal')} />
          <span>{i18n.t('templates.scopePersonal', [agentName || '—'])}</span>
        </label>
        {agentName.trim() === '' && <small className="muted">{i18n.t('templates.noAgent')}</small>}
      </fieldset>
      <label className="field">
        <span>{i18n.t('templates.form.tags')}</span>
        <input value={draft.tags} onChange={(e) => set('tags', e.target.value)} aria-describedby="tags-hint" />
        <small id="tags-hint" className="muted">{i18n.t('templates.form.tagsHint')}</small>
      </label>

      <h4>{i18n.t('templates.form.wordings')}</h4>
      <p className="muted">{i18n.t('templates.form.wordingsHint')}</p>
      <BodyListEditor field="bodies" bodies={draft.bodies} issues={issues} minimum={1} addLabel={i18n.t('templates.form.addWording')} onChange={(b) => set('bodies', b)} onFocusBody={onFocusBody} />

      <details open={draft.xBodies.length + draft.facebookBodies.length > 0}>
        <summary>{i18n.t('templates.form.siteWordings')}</summary>
        <p className="muted">{i18n.t('templates.form.siteHint')}</p>
        <BodyListEditor field="xBodies" bodies={draft.xBodies} issues={issues} minimum={0} addLabel={i18n.t('templates.form.addX')} onChange={(b) => set('xBodies', b)} onFocusBody={onFocusBody} />
        <BodyListEditor field="facebookBodies" bodies={draft.facebookBodies} issues={issues} minimum={0} addLabel={i18n.t('templates.form.addFacebook')} onChange={(b) => set('facebookBodies', b)} onFocusBody={onFocusBody} />
      </details>

      <VariableCheatSheet onInsert={insertAtCursor} />

      <section className="template-preview" aria-labelledby="preview-heading">
        <h4 id="preview-heading">
          {i18n.t('templates.preview.title')} · {bodyLabel(focus.field, focus.index)}
        </h4>
        <p className="preview-text" data-template-preview="">
          {previewBody(previewSource, sample)}
        </p>
      </section>

      {(tried || serverIssue) && (topIssues.length > 0 || serverIssue || issues.length > 0) && (
        <div className="banner warn" role="alert">
          <p>{i18n.t('templates.form.fix')}</p>
          <ul>
            {topIssues.map((issue, n) => (
              <li key={n} data-issue={issue.code}>{issueText(issue)}</li>
            ))}
            {serverIssue && <li data-issue="duplicateCode">{i18n.t('templates.issue.duplicateCode')}</li>}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={tried && issues.length > 0}>
          {i18n.t('templates.form.save')}
        </button>
        <button type="button" onClick={onDone}>
          {i18n.t('templates.cancel')}
        </button>
      </div>
    </form>
  );
}

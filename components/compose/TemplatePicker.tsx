/**
 * Template picker: suggestions for this post first, then the rest; typing searches (`/late` by
 * short code, words by title/tags/text) and Enter adds the best match.
 */
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import type { Suggestion, SuggestionReason } from '@/lib/compose';
import type { Template } from '@/lib/schemas/templates';
import { searchTemplates } from '@/lib/templates/search';

const SHOWN = 12;

function reasonText(r: SuggestionReason): string {
  switch (r) {
    case 'complaint':
      return i18n.t('compose.why.complaint');
    case 'question':
      return i18n.t('compose.why.question');
    case 'praise':
      return i18n.t('compose.why.praise');
    case 'waiting':
      return i18n.t('compose.why.waiting');
    case 'language':
      return i18n.t('compose.why.language');
  }
}

function Row({ template, reasons, onPick }: { template: Template; reasons?: SuggestionReason[]; onPick: (t: Template) => void }) {
  return (
    <li data-pick-code={template.shortCode}>
      <button type="button" className="pick" onClick={() => onPick(template)}>
        {i18n.t('compose.add', [template.shortCode, template.title])}
      </button>
      {reasons && reasons.length > 0 && <span className="muted"> {i18n.t('compose.because', [reasons.map(reasonText).join(', ')])}</span>}
    </li>
  );
}

export function TemplatePicker({ templates, suggestions, onPick }: { templates: readonly Template[]; suggestions: readonly Suggestion[]; onPick: (t: Template) => void }) {
  const [query, setQuery] = useState('');
  const hintId = useId();
  const pick = (t: Template) => {
    onPick(t);
    setQuery('');
  };
  const searching = query.trim() !== '';
  const hits = searching ? searchTemplates(templates, query).slice(0, SHOWN) : [];
  const suggested = suggestions.filter((s) => s.reasons.length > 0).slice(0, 5);
  const rest = suggestions.filter((s) => !suggested.includes(s)).slice(0, SHOWN);

  if (templates.length === 0) return <p className="muted">{i18n.t('compose.noTemplates')}</p>;
  return (
    <section className="template-picker" aria-label={i18n.t('compose.pickerLabel')}>
      <label className="field">
        <span>{i18n.t('compose.search')}</span>
        <input
          type="search"
          value={query}
          placeholder="/late"
          aria-describedby={hintId}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const first = hits[0]?.template;
            if (first) pick(first);
          }}
        />
        <small id={hintId} className="muted">{i18n.t('compose.searchHint')}</small>
      </label>
      {searching ? (
        hits.length === 0 ? (
          <p className="muted">{i18n.t('compose.noMatch', [query])}</p>
        ) : (
          <ul className="pick-list">
            {hits.map((h) => (
              <Row key={h.template.id} template={h.template} onPick={pick} />
            ))}
          </ul>
        )
      ) : (
        <>
          {suggested.length > 0 && (
            <>
              <h4>{i18n.t('compose.suggested')}</h4>
              <ul className="pick-list suggested">
                {suggested.map((s) => (
                  <Row key={s.template.id} template={s.template} reasons={s.reasons} onPick={pick} />
                ))}
              </ul>
            </>
          )}
          {rest.length > 0 && (
            <details open={suggested.length === 0}>
              <summary>{i18n.t('compose.all')}</summary>
              <ul className="pick-list">
                {rest.map((s) => (
                  <Row key={s.template.id} template={s.template} onPick={pick} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

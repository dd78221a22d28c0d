/** The snippets stacked into this reply, each with "another wording" and remove. */
import { i18n } from '#i18n';
import type { Snippet } from '@/lib/compose';
import type { Site } from '@/lib/schemas/primitives';
import { variantsFor } from '@/lib/templates/render';
import { count as formatCount } from '@/lib/i18n/ui';

interface Props {
  snippets: readonly Snippet[];
  site: Site;
  onNextWording: (index: number) => void;
  onRemove: (index: number) => void;
}

export function SnippetList({ snippets, site, onNextWording, onRemove }: Props) {
  if (snippets.length === 0) return null;
  return (
    <section className="snippets" aria-labelledby="snippets-heading">
      <h4 id="snippets-heading">{i18n.t('compose.picked')}</h4>
      <ol>
        {snippets.map((s, i) => {
          const count = variantsFor(s.template, site).length;
          const label = s.template.id === '~own' ? i18n.t('compose.ownWords') : s.template.id === '~dm' ? i18n.t('compose.dm') : `/${s.template.shortCode}`;
          return (
            <li key={`${s.template.id}-${i}`} data-snippet={s.template.shortCode}>
              <strong>{label}</strong>{' '}
              {count > 1 && (
                <>
                  <span className="muted">{i18n.t('compose.wordingOf', [formatCount((s.variantIndex % count) + 1), formatCount(count)])}</span>{' '}
                  <button type="button" onClick={() => onNextWording(i)}>
                    {i18n.t('compose.anotherWording')}
                  </button>
                </>
              )}{' '}
              <button type="button" className="link" onClick={() => onRemove(i)} aria-label={i18n.t('compose.removeSnippet', [s.template.shortCode])}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * Tone findings under the reply: each quotes the exact words with a marked span and says why.
 * Built from text nodes only (the reply may contain anything the customer or agent typed).
 */
import { i18n } from '#i18n';
import { quoteAround } from '@/lib/compose/highlight';
import type { ToneFinding } from '@/lib/schemas/templates';
import { findingText } from './findingText';

export function FindingList({ text, findings }: { text: string; findings: readonly ToneFinding[] }) {
  if (findings.length === 0) {
    return (
      <p className="muted tone-ok" data-tone-ok="">
        {i18n.t('compose.toneOk')}
      </p>
    );
  }
  return (
    <ul className="tone-findings" aria-label={i18n.t('compose.findings')}>
      {findings.map((f, i) => {
        const ranged = f.end > f.start;
        const quote = ranged ? quoteAround(text, f) : undefined;
        return (
          <li key={`${f.code}-${f.start}-${f.end}-${i}`} className={f.blocking ? 'finding blocking' : 'finding'} data-tone-check={f.check} data-tone-code={f.code} data-blocking={f.blocking ? 'true' : 'false'}>
            <span className="finding-kind">{f.blocking ? i18n.t('compose.blocking') : i18n.t('compose.warning')}</span>{' '}
            <span className="finding-why">{findingText(f)}</span>
            {quote && (
              <q className="finding-quote">
                {quote.before}
                <mark data-tone-mark={f.check}>{quote.words}</mark>
                {quote.after}
              </q>
            )}
          </li>
        );
      })}
    </ul>
  );
}

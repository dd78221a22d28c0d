/** Why the insert button is disabled, in words. */
import { i18n } from '#i18n';
import type { Blocker } from '@/lib/compose';
import { findingText } from '../tone/findingText';

function blockerText(b: Blocker): string {
  switch (b.code) {
    case 'empty':
      return i18n.t('compose.blockEmpty');
    case 'missingVariable':
      return i18n.t('compose.blockMissing', [b.variable]);
    case 'prompt':
      return i18n.t('compose.blockPrompt', [b.label]);
    case 'templateError':
      return i18n.t('compose.blockTemplate', [b.shortCode, b.detail]);
    case 'tone':
      return i18n.t('compose.blockTone', [findingText(b.finding)]);
  }
}

export function BlockerList({ blockers }: { blockers: readonly Blocker[] }) {
  // An empty draft is obvious from the disabled button; say nothing until there is something.
  const shown = blockers.filter((b) => b.code !== 'empty');
  if (shown.length === 0) return null;
  return (
    <div className="banner warn blockers" data-insert-blocked="">
      <strong>{i18n.t('compose.blocked')}</strong>
      <ul>
        {shown.map((b, i) => (
          <li key={i} data-blocker={b.code}>
            {blockerText(b)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Maps a triage reason code to its translated label; unknown codes show as they are. */
import { i18n } from '#i18n';

export function reasonLabel(code: string): string {
  const family = code.split('.')[0] ?? code;
  switch (family) {
    case 'customer': return i18n.t('reason.customer');
    case 'complaint': return i18n.t('reason.complaint');
    case 'sentiment': return i18n.t('reason.sentiment');
    case 'question': return i18n.t('reason.question');
    case 'influence': return i18n.t('reason.influence');
    case 'waiting': return i18n.t('reason.waiting');
    case 'overdue': return i18n.t('reason.overdue');
    case 'praise': return i18n.t('reason.praise');
    case 'spam': return i18n.t('reason.spam');
    default: return code;
  }
}

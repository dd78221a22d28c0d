/** Words a tone finding for the agent. Finding codes come from lib/tone; params are named there. */
import { i18n } from '#i18n';
import type { ToneCheckId } from '@/lib/schemas/settings';
import type { ToneFinding } from '@/lib/schemas/templates';
import { count, plural } from '@/lib/i18n/ui';

/** A number param in the interface's digits (1 when missing or not a number). */
const num = (f: ToneFinding, name: string): number => {
  const v = f.params[name];
  return typeof v === 'number' ? v : Number(v ?? 1) || 1;
};

/** The kind of private detail asked for (lib/tone/phrases/privateDetails.ts names it), in words. */
function detailName(detail: string): string {
  switch (detail) {
    case 'email':
      return i18n.t('tone.detail.email');
    case 'phone':
      return i18n.t('tone.detail.phone');
    case 'order':
      return i18n.t('tone.detail.order');
    case 'address':
      return i18n.t('tone.detail.address');
    case 'card':
      return i18n.t('tone.detail.card');
    case 'account':
      return i18n.t('tone.detail.account');
    default:
      return detail;
  }
}

const param = (f: ToneFinding, name: string): string => {
  const v = f.params[name];
  return v === undefined ? '' : String(v);
};

export function findingText(f: ToneFinding): string {
  switch (f.code) {
    case 'tone.banned':
      return i18n.t('tone.banned', [param(f, 'phrase')]);
    case 'tone.preferred':
      return i18n.t('tone.preferred', [param(f, 'avoid'), param(f, 'prefer')]);
    case 'tone.overPromise':
      return i18n.t('tone.overPromise', [param(f, 'phrase')]);
    case 'tone.greetingBanned':
      return i18n.t('tone.greetingBanned', [param(f, 'greeting')]);
    case 'tone.greetingMissing':
      return i18n.t('tone.greetingMissing');
    case 'tone.signOffMissing':
      return i18n.t('tone.signOffMissing', [param(f, 'signOff')]);
    case 'tone.emojiNever':
      return i18n.t('tone.emojiNever');
    case 'tone.emojiInComplaint':
      return i18n.t('tone.emojiInComplaint');
    case 'tone.empathyMissing':
      return i18n.t('tone.empathyMissing');
    case 'tone.apologyRepeated':
      return plural(i18n.t('tone.apologyRepeated', [count(num(f, 'count'))]), num(f, 'count'));
    case 'tone.privateDetailsInPublic':
      return i18n.t('tone.privateDetailsInPublic', [detailName(param(f, 'detail'))]);
    case 'tone.repeatedToday':
      return plural(i18n.t('tone.repeatedToday', [count(num(f, 'count'))]), num(f, 'count'));
    case 'tone.repeatedToAuthor':
      return i18n.t('tone.repeatedToAuthor');
    default:
      return i18n.t('tone.unknown', [f.code]);
  }
}

export function checkLabel(check: ToneCheckId): string {
  switch (check) {
    case 'bannedPhrases':
      return i18n.t('tone.check.bannedPhrases');
    case 'preferredPhrases':
      return i18n.t('tone.check.preferredPhrases');
    case 'overPromising':
      return i18n.t('tone.check.overPromising');
    case 'greeting':
      return i18n.t('tone.check.greeting');
    case 'signOff':
      return i18n.t('tone.check.signOff');
    case 'emoji':
      return i18n.t('tone.check.emoji');
    case 'empathy':
      return i18n.t('tone.check.empathy');
    case 'privateDetails':
      return i18n.t('tone.check.privateDetails');
    case 'repetition':
      return i18n.t('tone.check.repetition');
  }
}

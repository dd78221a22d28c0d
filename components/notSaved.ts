/**
 * Failed writes in plain words. Views that handle a failure themselves show `failureText(error)`;
 * any write whose failure nobody handled (`void sendMessage(…)`) reaches the page's
 * `unhandledrejection` event, and `StorageBanner` lists it with what was not saved: the background
 * names the message each error belongs to (`request`, lib/db/storageErrors.ts).
 */
import { i18n } from '#i18n';
import { receivedProblem } from '@/lib/db/storageErrors';

/** The reason, in words: a full disk or a closed database plainly, anything else as it was said. */
export function failureText(error: unknown): string {
  const problem = receivedProblem(error);
  if (problem === 'storageFull') return i18n.t('safety.notSaved.storageFull');
  if (problem === 'databaseClosed') return i18n.t('safety.notSaved.databaseClosed');
  return i18n.t('safety.notSaved.other', [error instanceof Error ? error.message : String(error)]);
}

type What = 'brand' | 'settings' | 'queue' | 'template' | 'customer' | 'tone' | 'review' | 'goal' | 'reply' | 'demo' | 'team' | 'other';

// Message names start with what they change (lib/messages.ts): brandSave, customersImportCommit…
const PREFIXES: readonly [string, What][] = [
  ['brand', 'brand'], ['settings', 'settings'], ['queue', 'queue'], ['template', 'template'],
  ['customer', 'customer'], ['tone', 'tone'], ['review', 'review'], ['goal', 'goal'],
  ['reply', 'reply'], ['demo', 'demo'], ['team', 'team'],
];

export function whatOf(request: string | undefined): What {
  return PREFIXES.find(([prefix]) => request?.startsWith(prefix))?.[1] ?? 'other';
}

function whatLabel(what: What): string {
  const labels: Record<What, () => string> = {
    brand: () => i18n.t('safety.notSaved.what.brand'),
    settings: () => i18n.t('safety.notSaved.what.settings'),
    queue: () => i18n.t('safety.notSaved.what.queue'),
    template: () => i18n.t('safety.notSaved.what.template'),
    customer: () => i18n.t('safety.notSaved.what.customer'),
    tone: () => i18n.t('safety.notSaved.what.tone'),
    review: () => i18n.t('safety.notSaved.what.review'),
    goal: () => i18n.t('safety.notSaved.what.goal'),
    reply: () => i18n.t('safety.notSaved.what.reply'),
    demo: () => i18n.t('safety.notSaved.what.demo'),
    team: () => i18n.t('safety.notSaved.what.team'),
    other: () => i18n.t('safety.notSaved.what.other'),
  };
  return labels[what]();
}

/** "Not saved: your settings. The browser has no room left…" */
export function notSavedText(error: unknown, request?: string): string {
  const named: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'request') : undefined;
  return i18n.t('safety.notSaved.line', [whatLabel(whatOf(request ?? (typeof named === 'string' ? named : undefined))), failureText(error)]);
}

/** Only failures of a write sent to the background are ours to list (not every stray promise). */
export function isWriteFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof Reflect.get(error, 'request') === 'string';
}

/** For views that show a failure themselves: storage problems in plain words, anything else as said. */
export function errorText(error: unknown): string {
  if (receivedProblem(error) !== undefined) return failureText(error);
  return error instanceof Error ? error.message : String(error);
}

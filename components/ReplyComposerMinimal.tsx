/**
 * Minimal "Reply natively" control for the open queue item: the agent's text goes into the site's
 * own reply box (background → the tab showing the post → lib/editor). The agent still presses the
 * site's Reply/Post button. When the box cannot be filled the reply is put on the clipboard.
 * (The full composer with templates and tone checks replaces this later.)
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import type { InsertResult, QueueItem } from '@/lib/schemas';

type Reason = NonNullable<InsertResult['reason']>;

const REASON_TEXT: Record<Reason, () => string> = {
  noPost: () => i18n.t('reply.reason.noPost'),
  noEditor: () => i18n.t('reply.reason.noEditor'),
  notVerified: () => i18n.t('reply.reason.notVerified'),
  postDisabled: () => i18n.t('reply.reason.postDisabled'),
  noTab: () => i18n.t('reply.reason.noTab'),
};

async function copyHere(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function statusText(result: InsertResult): string {
  if (result.ok) return i18n.t('reply.inserted');
  const why = REASON_TEXT[result.reason ?? 'notVerified']();
  return result.copied ? i18n.t('reply.pasteCopied', [why]) : i18n.t('reply.pasteManual', [why]);
}

export function AnsweredNote({ item, now = Date.now() }: { item: QueueItem; now?: number }) {
  if (!item.answeredBy) return null;
  const { handle, at } = item.answeredBy;
  return (
    <p className="banner info" data-answered-by={handle}>
      {at === undefined
        ? i18n.t('reply.alreadyAnsweredUndated', [handle])
        : i18n.t('reply.alreadyAnswered', [handle, String(Math.max(0, Math.round((now - at) / 60_000)))])}
    </p>
  );
}

export function ReplyComposerMinimal({ item }: { item: QueueItem }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult | undefined>();

  const insert = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      let answer = await sendMessage('replyInsert', { key: item.key, text });
      // No tab took it: the panel can still put the reply on the clipboard itself.
      if (!answer.ok && !answer.copied && (answer.reason === 'noTab' || answer.reason === 'noPost')) {
        answer = { ...answer, fallback: 'clipboard', copied: await copyHere(text) };
      }
      setResult(answer);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reply-composer">
      <AnsweredNote item={item} />
      <label className="field">
        <span>{i18n.t('reply.label')}</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} />
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void insert()}>
          {busy ? i18n.t('reply.inserting') : i18n.t('reply.insert')}
        </button>
      </div>
      {result && (
        <p role="status" className={result.ok ? 'banner ok' : 'banner warn'} data-insert-result={result.ok ? 'ok' : result.reason ?? 'failed'} data-insert-strategy={result.strategy} data-insert-fallback={result.fallback ?? ''}>
          {statusText(result)}
        </p>
      )}
    </div>
  );
}

/** Above the queue: items a teammate assigned to me (or took from me), until I have read them. */
import { i18n } from '#i18n';
import { useTeamNotices } from '@/lib/db/views/team';
import { sendMessage } from '@/lib/messages';

export function TeamNotices({ onOpen }: { onOpen: (key: string) => void }) {
  const notices = useTeamNotices();
  if (!notices || notices.length === 0) return null;
  return (
    <section className="banner info team-notices" aria-label={i18n.t('team.notice.title')}>
      <ul>
        {notices.map((fields) =>
          fields.notice ? (
            <li key={fields.key} data-team-notice-key={fields.key}>
              <button type="button" className="link" onClick={() => onOpen(fields.key)}>
                {i18n.t(`team.notice.${fields.notice.kind}`, [fields.notice.by])}
              </button>
              {fields.notice.note && <span className="muted"> — {fields.notice.note}</span>}{' '}
              <button type="button" onClick={() => void sendMessage('teamNoticeSeen', { key: fields.key })}>{i18n.t('team.notice.ok')}</button>
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}

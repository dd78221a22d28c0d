/** The team lead's review page: reply logs from every agent, with metrics and goals. */
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { EmptyState } from '@/components/EmptyState';

export function ReviewApp() {
  const db = getDb();
  const recent = useLiveQuery(() => db.replyLog.orderBy('repliedAt').reverse().limit(50).toArray(), []);
  return (
    <div className="review">
      <header className="app-header">
        <h1>{i18n.t('review.title')}</h1>
      </header>
      {recent && recent.length === 0 && <EmptyState title={i18n.t('review.emptyTitle')} body={i18n.t('review.emptyBody')} />}
      {recent && recent.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{i18n.t('review.colAgent')}</th>
              <th>{i18n.t('review.colPost')}</th>
              <th>{i18n.t('review.colReply')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((e) => (
              <tr key={e.id}>
                <td>{e.agent}</td>
                <td>{e.postText}</td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

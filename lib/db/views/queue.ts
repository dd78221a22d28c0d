/** Live queue reads for the panel: a window of one state's index range and the due follow-ups. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db';
import { dueFollowUps, queueWindow, type QueueFilter } from '../queue';

export { useQueueCounts, watchQueueCounts, COUNT_START_DELAY_MS, type StateCounts } from './queueCounts';

/** Rows `start`…`start + size` of the filtered queue (only the rows near the viewport are read). */
export const useQueueWindow = (filter: QueueFilter, start: number, size: number) =>
  useLiveQuery(() => queueWindow(getDb(), filter, start, size), [filter.state, filter.brandId, filter.site, filter.reason, start, size]);

/** Follow-ups due by `now` (of one brand); only the New list shows them. */
export const useDueFollowUps = (show: boolean, now: number, brandId: string | undefined) =>
  useLiveQuery(() => (show ? dueFollowUps(getDb(), now, brandId) : []), [show, brandId, now]);

/**
 * Live reads of single records and small lists for the views: every view reads the database
 * through hooks like these (lib/db/views), never through Dexie itself, so the storage layer can
 * change (team sync) without touching a component. Each read is a key lookup or an index range.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db';

/** The panel reads at most this many templates (a brand library is tens; the cap bounds a bad import). */
export const TEMPLATE_LIMIT = 5000;

export const useSettings = () => useLiveQuery(() => getDb().settings.get('me'), []);

export const usePost = (key: string) => useLiveQuery(() => getDb().posts.get(key), [key]);

export const useBrands = () => useLiveQuery(() => getDb().brands.toArray(), []);

export const useBrand = (id: string) => useLiveQuery(() => getDb().brands.get(id), [id]);

export const useTemplates = () => useLiveQuery(() => getDb().templates.limit(TEMPLATE_LIMIT).toArray(), []);

/** The brand's tone notes (by the `brandId` index); none without a brand. */
export const useToneNotes = (brandId: string | undefined) =>
  useLiveQuery(() => (brandId ? getDb().toneNotes.where('brandId').equals(brandId).toArray() : []), [brandId]);

export const useQueueItem = (key: string | undefined) => useLiveQuery(() => (key ? getDb().queue.get(key) : undefined), [key]);

/** One queue item, once (not live): for acting on a key that arrived from elsewhere. */
export const readQueueItem = (key: string) => getDb().queue.get(key);

/** Replies logged for one post (by the `postKey` index). */
export const useRepliesTo = (postKey: string) => useLiveQuery(() => getDb().replyLog.where('postKey').equals(postKey).toArray(), [postKey]);

/**
 * The selector self-test's memory: what detection found on each open tab, so the panel can say
 * "Replyline can't read this page right now" instead of failing silently.
 */
import { PageHealthSchema } from '../schemas/posts';
import type { PageRef } from '../messages';
import type { ReplylineDb } from './db';

/** A page "clearly has posts" when this many post-like elements are present. */
export const CLEARLY_HAS_POSTS = 3;

export interface PageHealthInput {
  tabId: number;
  page: PageRef;
  candidates: number;
  recognised: number;
  extractionFailures: number;
  matched: number;
  now: number;
}

/** Detection is broken when a page clearly holds posts but we read none, or most reads fail. */
export function detectionOk(candidates: number, recognised: number, failures: number): boolean {
  if (candidates >= CLEARLY_HAS_POSTS && recognised === 0) return false;
  const attempts = recognised + failures;
  return !(attempts >= CLEARLY_HAS_POSTS && failures > recognised);
}

export async function recordPageHealth(db: ReplylineDb, input: PageHealthInput): Promise<void> {
  await db.transaction('rw', db.pageHealth, async () => {
    const previous = await db.pageHealth.get(input.tabId);
    // Counts accumulate while the agent stays on one page; a new URL starts afresh.
    const same = previous?.url === input.page.url;
    const candidates = Math.max(input.candidates, same ? previous.candidates : 0);
    const recognised = input.recognised + (same ? previous.recognised : 0);
    const extractionFailures = input.extractionFailures + (same ? previous.extractionFailures : 0);
    await db.pageHealth.put(
      PageHealthSchema.parse({
        tabId: input.tabId,
        site: input.page.site,
        pageKind: input.page.pageKind,
        url: input.page.url,
        candidates,
        recognised,
        extractionFailures,
        matched: input.matched + (same ? previous.matched : 0),
        ok: detectionOk(candidates, recognised, extractionFailures),
        checkedAt: input.now,
      }),
    );
  });
}

export async function forgetTab(db: ReplylineDb, tabId: number): Promise<void> {
  await db.pageHealth.delete(tabId);
}

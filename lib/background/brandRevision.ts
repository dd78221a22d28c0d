/**
 * Content scripts pre-filter posts with the brand profiles (entrypoints/content/brandMatcher.ts),
 * so they must hear when a brand changes. The background is the only writer of brands; it watches
 * the table and publishes a revision in storage.local, whose onChanged event reaches every tab's
 * content script (no tab list to keep, tabs opened later just fetch on start).
 */
import { liveQuery } from 'dexie';
import type { ReplylineDb } from '../db/db';
import { BRANDS_REVISION_KEY, brandsRevision } from '../pipeline/brandRevision';
import { handle } from '../messages';
import { BrandTermsSchema, type BrandTerms } from '../schemas/posts';

export type PublishRevision = (revision: string) => Promise<void>;

const publishToStorage: PublishRevision = async (revision) => {
  await browser.storage.local.set({ [BRANDS_REVISION_KEY]: revision });
};

/**
 * What `matchProfilesGet` answers: every brand's terms (the parse keeps only what matching reads:
 * a tab never holds a brand's hours, weights or tone rules) and their revision.
 */
export async function matchProfiles(db: ReplylineDb): Promise<{ revision: string; brands: BrandTerms[] }> {
  const brands = await db.brands.toArray();
  return { revision: brandsRevision(brands), brands: brands.map((brand) => BrandTermsSchema.parse(brand)) };
}

/** Answers `matchProfilesGet` and publishes every brand change; returns a stop function (tests). */
export function registerBrandRevision(db: ReplylineDb, publish: PublishRevision = publishToStorage): () => void {
  const unhandle = handle('matchProfilesGet', () => matchProfiles(db));
  let last: string | undefined;
  const subscription = liveQuery(() => db.brands.toArray()).subscribe({
    next: (brands) => {
      const revision = brandsRevision(brands);
      if (revision === last) return;
      last = revision;
      publish(revision).catch((error: unknown) => console.warn('Replyline: publishing the brand revision failed', error));
    },
    error: (error: unknown) => console.warn('Replyline: watching brands failed', error),
  });
  return () => {
    subscription.unsubscribe();
    unhandle();
  };
}

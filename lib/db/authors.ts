/**
 * Follower counts and verified badges remembered from profile headers and hover cards. The
 * pipeline reads them (`classify.ts`) for the influence signal when the same author posts later.
 */
import { AuthorStatsSchema, type AuthorStats, type ProfileStat } from '../schemas/posts';
import type { Site } from '../schemas/primitives';
import type { ReplylineDb } from './db';

/** The `authors` key: handles are case-insensitive on both sites. */
export const authorKey = (site: Site, handle: string): string => `${site}:${handle.replace(/^@/, '').toLowerCase()}`;

/**
 * Merges what the page showed into what we knew. A hover card without a follower line must not
 * erase a count seen on the profile earlier, so missing fields keep their stored value. Returns
 * how many records changed (unchanged ones are not rewritten, so live queries stay quiet).
 */
export async function recordAuthorStats(db: ReplylineDb, site: Site, stats: readonly ProfileStat[], now: number): Promise<number> {
  const byKey = new Map<string, ProfileStat>();
  for (const stat of stats) byKey.set(authorKey(site, stat.handle), stat);
  if (byKey.size === 0) return 0;
  return db.transaction('rw', db.authors, async () => {
    const keys = [...byKey.keys()];
    const existing = await db.authors.bulkGet(keys);
    const writes: AuthorStats[] = [];
    keys.forEach((key, i) => {
      const stat = byKey.get(key);
      if (!stat) return;
      const previous = existing[i];
      const followers = stat.followers ?? previous?.followers;
      const verified = stat.verified ?? previous?.verified;
      if (previous && previous.followers === followers && previous.verified === verified) return;
      writes.push(
        AuthorStatsSchema.parse({
          key,
          site,
          handle: stat.handle.replace(/^@/, ''),
          followers,
          verified,
          updatedAt: Math.max(0, Math.trunc(now)),
        }),
      );
    });
    if (writes.length > 0) await db.authors.bulkPut(writes);
    return writes.length;
  });
}

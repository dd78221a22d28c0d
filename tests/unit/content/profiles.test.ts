import { describe, expect, it } from 'vitest';
import { unsentStats, type SentStats } from '@/entrypoints/content/profiles';
import { authorKey, recordAuthorStats } from '@/lib/db/authors';
import { detectionOk } from '@/lib/db/pageHealth';
import { readXProfileStats } from '@/lib/sites/x';
import type { ProfileStat } from '@/lib/schemas/posts';
import { freshDb } from '../support/db';
import { loadFixture } from '../sites/load';

describe('unsentStats', () => {
  it.each<[string, ProfileStat[], ProfileStat[], ProfileStat[]]>([
    ['new handle is sent', [], [{ handle: 'jane', followers: 10 }], [{ handle: 'jane', followers: 10 }]],
    ['same values are not resent', [{ handle: 'jane', followers: 10 }], [{ handle: 'jane', followers: 10 }], []],
    ['handles compare case-insensitively', [{ handle: 'Jane', followers: 10 }], [{ handle: 'jane', followers: 10 }], []],
    ['a changed count is resent', [{ handle: 'jane', followers: 10 }], [{ handle: 'jane', followers: 11 }], [{ handle: 'jane', followers: 11 }]],
    ['a newly verified badge is resent', [{ handle: 'jane', followers: 10 }], [{ handle: 'jane', followers: 10, verified: true }], [{ handle: 'jane', followers: 10, verified: true }]],
    ['nothing known is not sent', [], [{ handle: 'jane' }], []],
  ])('%s', (_, before, now, expected) => {
    const sent: SentStats = new Map();
    unsentStats(sent, before);
    expect(unsentStats(sent, now)).toEqual(expected);
  });

  it('reads the profile fixture into what the background stores', () => {
    const doc = loadFixture('x', 'profile.html', 'https://x.com/acme');
    expect(unsentStats(new Map(), readXProfileStats(doc))).toEqual([
      { handle: 'acme', followers: 12_300, verified: true },
      { handle: 'jane_doe', followers: 1234, verified: false },
    ]);
  });
});

describe('recordAuthorStats', () => {
  it.each([
    ['x', 'Jane_Doe', 'x:jane_doe'],
    ['x', '@Acme', 'x:acme'],
    ['facebook', 'jane.doe.77', 'facebook:jane.doe.77'],
  ] as const)('%s %s → key %s', (site, handle, key) => {
    expect(authorKey(site, handle)).toBe(key);
  });

  it('merges: a hover card without a count keeps the count seen on the profile', async () => {
    const db = freshDb();
    expect(await recordAuthorStats(db, 'x', [{ handle: 'Jane_Doe', followers: 1234, verified: false }], 1000)).toBe(1);
    expect(await recordAuthorStats(db, 'x', [{ handle: 'jane_doe', verified: true }], 2000)).toBe(1);
    expect(await db.authors.get('x:jane_doe')).toEqual({ key: 'x:jane_doe', site: 'x', handle: 'jane_doe', followers: 1234, verified: true, updatedAt: 2000 });
  });

  it('does not rewrite unchanged records', async () => {
    const db = freshDb();
    await recordAuthorStats(db, 'x', [{ handle: 'acme', followers: 12_300, verified: true }], 1000);
    expect(await recordAuthorStats(db, 'x', [{ handle: 'ACME', followers: 12_300, verified: true }], 5000)).toBe(0);
    expect((await db.authors.get('x:acme'))?.updatedAt).toBe(1000);
  });

  it('keeps sites apart', async () => {
    const db = freshDb();
    await recordAuthorStats(db, 'x', [{ handle: 'acme', followers: 5 }], 1);
    await recordAuthorStats(db, 'facebook', [{ handle: 'acme', followers: 7 }], 1);
    expect((await db.authors.toArray()).map((a) => [a.key, a.followers]).sort()).toEqual([
      ['facebook:acme', 7],
      ['x:acme', 5],
    ]);
  });
});

describe('detectionOk (the selector self-test)', () => {
  it.each([
    [0, 0, 0, true, 'an empty page is fine'],
    [2, 0, 0, true, 'two look-alikes are not "clearly has posts"'],
    [5, 0, 0, false, 'posts on the page, none recognised'],
    [5, 5, 0, true, 'all recognised'],
    [10, 2, 6, false, 'most reads fail'],
    [10, 6, 2, true, 'a few reads fail'],
  ])('candidates %i, recognised %i, failures %i → %s (%s)', (candidates, recognised, failures, ok) => {
    expect(detectionOk(candidates, recognised, failures)).toBe(ok);
  });
});

/**
 * The vanity-link shortcut must answer as the full profile reader does: property-tested over the
 * link generator's odd parts (hosts, dot segments, escapes, queries) and real author-link shapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileFromHref, readProfileHref, vanityProfile } from '@/lib/sites/facebook/profileHref';
import { facebookHref } from './facebookHrefs';

const TRACKING = '__cft__[0]=AZW9TtN6uU_pr6cPoVzvLJ2scE4Rj9w9YcqR25HIgzI9gJRed&__tn__=%2CO%2CP-R';
const vanityLink = fc
  .tuple(
    fc.constantFrom('https://www.facebook.com', ''),
    fc.constantFrom('pal.3', 'keith.eliot.1', 'Acme-Bakery', 'profile.php', 'pfbid02Kq3xYzAbCdEfGh12', 'Watch', '.', '..', 'a_b', '1234567890'),
    fc.constantFrom('', '/'),
    fc.constantFrom('', `?${TRACKING}`, '?comment_id=Y29tbWVudDoz%3D&' + TRACKING, '?id=100012345678901', '#', '?a b', '?x\ty'),
  )
  .map(([origin, name, slash, rest]) => `${origin}/${name}${slash}${rest}`);

describe('Facebook profile links', () => {
  it('reads a vanity link as the full reader does, or leaves it to it', () => {
    fc.assert(
      fc.property(fc.oneof(facebookHref, vanityLink), (href) => {
        const quick = vanityProfile(href);
        if (quick) expect(quick).toEqual(readProfileHref(href));
        expect(profileFromHref(href)).toEqual(readProfileHref(href));
      }),
      { numRuns: 4000 },
    );
  });

  it.each([
    ['https://www.facebook.com/keith.eliot.1?comment_id=Y29tbWVudDoz%3D&' + TRACKING, 'keith.eliot.1'],
    ['https://www.facebook.com/ClickCease.Official/?' + TRACKING, 'ClickCease.Official'],
    ['/pal.3', 'pal.3'],
    ['https://www.facebook.com/profile.php?id=100012345678901', undefined],
    ['https://www.facebook.com/watch?v=1', undefined],
    ['https://www.facebook.com/..?x=1', undefined],
    ['https://www.facebook.com/acme/posts/1?' + TRACKING, undefined],
    ['https://m.facebook.com/acme', undefined],
  ])('%s → the shortcut reads %s', (href, handle) => {
    expect(vanityProfile(href)?.handle).toBe(handle);
  });
});

/**
 * Which profile a Facebook link names: the shapes authors are linked by (a vanity name, a number
 * through profile.php, a group member, people/), and the links that name none (posts, app
 * sections, other hosts, dot segments that resolve away).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileFromHref, readProfileHref } from '@/lib/sites/facebook/profileHref';
import { facebookHref } from './facebookHrefs';

const TRACKING = '__cft__[0]=AZW9TtN6uU_pr6cPoVzvLJ2scE4Rj9w9YcqR25HIgzI9gJRed&__tn__=%2CO%2CP-R';

describe('Facebook profile links', () => {
  it.each([
    ['https://www.facebook.com/keith.eliot.1?comment_id=Y29tbWVudDoz%3D&' + TRACKING, 'keith.eliot.1', 'https://www.facebook.com/keith.eliot.1'],
    ['https://www.facebook.com/ClickCease.Official/?' + TRACKING, 'ClickCease.Official', 'https://www.facebook.com/ClickCease.Official'],
    ['/pal.3', 'pal.3', 'https://www.facebook.com/pal.3'],
    ['https://m.facebook.com/acme', 'acme', 'https://www.facebook.com/acme'],
    ['https://www.facebook.com/profile.php?id=100012345678901&' + TRACKING, '100012345678901', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['https://www.facebook.com/groups/hikers/user/100012345678901/', '100012345678901', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['https://www.facebook.com/people/Jane-Doe/100012345678901/', '100012345678901', 'https://www.facebook.com/profile.php?id=100012345678901'],
  ])('%s names %s', (href, handle, url) => {
    expect(readProfileHref(href)).toEqual({ handle, url });
  });

  it.each([
    'https://www.facebook.com/profile.php?id=jane',
    'https://www.facebook.com/watch?v=1',
    'https://www.facebook.com/..?x=1',
    'https://www.facebook.com/pfbid02Kq3xYzAbCdEfGh12',
    'https://www.facebook.com/acme/posts/1?' + TRACKING,
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com',
    'https://example.com/acme',
    '#',
  ])('%s names no profile', (href) => {
    expect(readProfileHref(href)).toBeUndefined();
  });

  it('answers the same remembered or not, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(facebookHref, fc.string()), (href) => {
        expect(profileFromHref(href)).toEqual(readProfileHref(href));
      }),
      { numRuns: 2000 },
    );
  });
});

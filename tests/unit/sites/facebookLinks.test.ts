/**
 * A Facebook post or comment is keyed from the links its selectors find (FB.postLink,
 * FB.commentLink), not from every link: each must find every link the id parser reads a post's
 * or a comment's id from, or a post would lose its key (or take a worse one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FB } from '@/lib/sites/facebook/facebook.selectors';
import { parseFacebookHref } from '@/lib/sites/facebook/ids';
import { facebookHref } from './facebookHrefs';
import { loadHtml } from './load';

const doc = loadHtml('<a id="link">x</a>', 'https://www.facebook.com/');
const ESCAPED_NAME = /[?&][^=&#]*[%+]/;
const link = doc.getElementById('link');

function matchesChain(href: string, chain: readonly string[]): boolean {
  if (!link) throw new Error('no link');
  link.setAttribute('href', href);
  return chain.some((selector) => link.matches(selector));
}

describe('Facebook id links', () => {
  it('finds every link that names a post without a comment, and every link that names a comment', () => {
    fc.assert(
      fc.property(facebookHref, (href) => {
        // A parameter name spelt with escapes (`comment%5Fid`) is read as its plain self by URL, but
        // the selectors look for names as Facebook writes them, and it never escapes one.
        fc.pre(!ESCAPED_NAME.test(href));
        const ref = parseFacebookHref(href);
        if (ref?.postId && !ref.commentId) expect(matchesChain(href, FB.postLink)).toBe(true);
        if (ref?.commentId) expect(matchesChain(href, FB.commentLink)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    'https://www.facebook.com/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh12',
    'https://www.facebook.com/permalink.php?story_fbid=1234567890&id=42',
    'https://www.facebook.com/groups/acmefans/permalink/1234567890/',
    'https://www.facebook.com/AcmeBakery/videos/1234567890',
    'https://www.facebook.com/reel/1234567890',
    'https://www.facebook.com/photo?fbid=1234567890&set=a.1',
    'https://www.facebook.com/watch/?v=1234567890',
    'https://www.facebook.com/pfbid02Kq3xYzAbCdEfGh12',
  ])('%s is a post link', (href) => {
    expect(parseFacebookHref(href)?.postId).toBeDefined();
    expect(matchesChain(href, FB.postLink)).toBe(true);
  });

  it('leaves profile and hashtag links out', () => {
    expect(matchesChain('https://www.facebook.com/AcmeBakery', FB.postLink)).toBe(false);
    expect(matchesChain('https://www.facebook.com/hashtag/acme?__tn__=*NK', FB.postLink)).toBe(false);
  });
});

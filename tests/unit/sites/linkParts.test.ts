/**
 * Facebook links split by hand must read exactly as URL reads them: host, path and every query
 * parameter the readers ask for. Property-tested over links built from the parts real ones have,
 * plus the characters URL escapes, decodes or resolves (which the hand split must refuse).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkParts, splitPlainLink, urlLinkParts, type LinkParts } from '@/lib/sites/facebook/linkParts';

const PARAMS = ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id', '__tn__', 'set'];

const view = (parts: LinkParts | undefined) => parts && { hostname: parts.hostname, pathname: parts.pathname, params: PARAMS.map((name) => parts.param(name)) };

const scheme = fc.constantFrom('', 'https://', 'http://', 'HTTPS://', '//', 'javascript:');
const host = fc.constantFrom('www.facebook.com', 'facebook.com', 'm.facebook.com', 'WEB.Facebook.COM', 'facebook.com.evil.com', 'evil.com', '0x7f.1', 'facebook.com:443', 'face book.com');
const segment = fc.constantFrom('posts', 'permalink', 'groups', 'user', 'profile.php', 'permalink.php', 'AcmeBakery', 'pal.3', 'pfbid02Kq3xYzAbCdEfGh12', '1234567890', '..', '.', '', 'a b', '%41', 'café', 'x+y', 'a\\b', 'it"s', 'a^b', 'a|b', 'A-B_c~d', 'e:f@g');
const value = fc.constantFrom('1234567890', 'pfbid02Kq3xYzAbCdEfGh12', 'Y29tbWVudDoxMjM0NTY3ODlfOTg3NjU0MzIx', 'a+b', '%31', '', 'R]-R', 'x=y');
const param = fc.tuple(fc.constantFrom(...PARAMS, 'ID', ''), fc.option(value, { nil: undefined })).map(([name, v]) => (v === undefined ? name : `${name}=${v}`));
const href = fc
  .tuple(fc.option(fc.tuple(scheme, host), { nil: undefined }), fc.array(segment, { maxLength: 5 }), fc.option(fc.array(param, { maxLength: 4 }), { nil: undefined }), fc.option(fc.constantFrom('#', '#top', '#a?b=1'), { nil: undefined }))
  .map(([origin, path, query, hash]) => `${origin ? origin[0] + origin[1] : ''}${path.length > 0 || origin ? '/' : ''}${path.join('/')}${query ? `?${query.join('&')}` : ''}${hash ?? ''}`);

describe('Facebook link parts', () => {
  it('splits a link by hand exactly as URL reads it, or leaves it to URL', () => {
    fc.assert(
      fc.property(href, (link) => {
        const plain = splitPlainLink(link);
        if (plain) expect(view(plain)).toEqual(view(urlLinkParts(link)));
        expect(view(linkParts(link))).toEqual(view(urlLinkParts(link)));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['https://www.facebook.com/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh12?comment_id=4444444444&reply_comment_id=5555555555', true],
    ['/tom.reed.9?comment_id=Y29tbWVudDo0NDU1NjY3Nzg4OTkwMDExXzEyMTIxMjEyMTI%3D', false],
    ['https://www.facebook.com/a/../posts/1', false],
    ['https://www.facebook.com:443/x', false],
    ['posts/1', false],
  ])('%s is split by hand: %s', (link, byHand) => {
    expect(splitPlainLink(link) !== undefined).toBe(byHand);
    expect(view(linkParts(link))).toEqual(view(urlLinkParts(link)));
  });
});

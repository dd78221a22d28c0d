/**
 * Facebook links split by hand must read exactly as URL reads them: host, path and every query
 * parameter the readers ask for. Property-tested over links built from the parts real ones have,
 * plus the characters URL escapes, decodes or resolves (which the hand split must refuse).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkParts, splitPlainLink, urlLinkParts, type LinkParts } from '@/lib/sites/facebook/linkParts';
import { facebookHref as href, HREF_PARAMS as PARAMS } from './facebookHrefs';

const view = (parts: LinkParts | undefined) => parts && { hostname: parts.hostname, pathname: parts.pathname, segments: parts.segments, params: PARAMS.map((name) => parts.param(name)) };

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
    ['/tom.reed.9?comment_id=Y29tbWVudDo0NDU1NjY3Nzg4OTkwMDExXzEyMTIxMjEyMTI%3D', true],
    ['https://www.facebook.com/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh12?__cft__[0]=AZW1x-_y&__tn__=%2CO%2CP-R', true],
    ['https://www.facebook.com/a/%2e%2e/posts/1', false],
    ['https://www.facebook.com/a b/posts/1', false],
    ['https://www.facebook.com/a/../posts/1', false],
    ['https://www.facebook.com:443/x', false],
    ['posts/1', false],
  ])('%s is split by hand: %s', (link, byHand) => {
    expect(splitPlainLink(link) !== undefined).toBe(byHand);
    expect(view(linkParts(link))).toEqual(view(urlLinkParts(link)));
  });
});

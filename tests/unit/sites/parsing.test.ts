import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyCount, parseCount } from '../../../lib/sites/counts';
import { parseFacebookTime } from '../../../lib/sites/facebook/time';
import { facebookPageKind } from '../../../lib/sites/facebook';
import { parseFacebookHref } from '../../../lib/sites/facebook/ids';
import { parseXProfileHref, parseXProfileUrl, parseXStatusHref, parseXStatusUrl } from '../../../lib/sites/x/ids';
import { adapterFor } from '../../../lib/sites';
import { xPageKind } from '../../../lib/sites/x';

describe('parseCount', () => {
  it.each<[string, number | undefined]>([
    ['12 Replies. Reply', 12],
    ['0 reposts. Repost', 0],
    ['1 Like. Like', 1],
    ['1.2K reposts. Repost', 1200],
    ['12.3K Followers', 12_300],
    ['1,234 Likes. Like', 1234],
    ['1,234,567 views', 1_234_567],
    ['1 234 Likes', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234\u202f567', 1_234_567],
    ['1.5M Likes', 1_500_000],
    ['2B', 2_000_000_000],
    ['1,2 тыс. ответов', 1200],
    ['3 млн', 3_000_000],
    ['12 тыс.', 12_000],
    ['1.2万 次转帖', 12_000],
    ['3亿', 300_000_000],
    ['1.234', 1234],
    ['1.234,5', 1235],
    ['Reply', undefined],
    ['Like', undefined],
    ['', undefined],
    ['5 bookmarks', 5],
    ['7 mins', 7],
  ])('%j → %s', (label, expected) => {
    expect(parseCount(label)).toBe(expected);
  });

  it('never throws and returns a safe non-negative integer or undefined', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const n = parseCount(s);
        return n === undefined || (Number.isSafeInteger(n) && n >= 0);
      }),
    );
  });

  it('the fast path for plain "12 Replies" labels agrees with the general parser', () => {
    const word = fc.constantFrom('Replies. Reply', 'Likes', 'K', 'k reposts', 'M', 'mo', 'B', 'bn', 'млн', 'тыс.', '万', 'Kb', '', ' ', '1', ',5');
    const gap = fc.constantFrom('', ' ', '  ', '\u00a0', '\u202f', '\t');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}$/), gap, word, fc.string({ maxLength: 6 }), (digits, space, unit, tail) => {
        const label = `${digits}${space}${unit}${tail}`;
        expect(parseCount(label)).toBe(parseAnyCount(label));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any integer printed with grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        expect(parseCount(`${n.toLocaleString('en-US')} Likes`)).toBe(n);
        expect(parseCount(`${n.toLocaleString('ru-RU')} отметок`)).toBe(n);
      }),
    );
  });
});

describe('X links', () => {
  it.each<[string, { handle: string; id: string } | undefined]>([
    ['/acme/status/123456', { handle: 'acme', id: '123456' }],
    ['/acme/status/123456/photo/1', { handle: 'acme', id: '123456' }],
    ['/acme/status/123456/analytics', { handle: 'acme', id: '123456' }],
    ['https://twitter.com/Acme_2/statuses/99', { handle: 'Acme_2', id: '99' }],
    ['https://mobile.x.com/a/status/1?s=20', { handle: 'a', id: '1' }],
    ['https://evil.com/acme/status/1', undefined],
    ['https://t.co/AbCd', undefined],
    ['/acme', undefined],
    ['/acme/status/abc', undefined],
    ['javascript:alert(1)', undefined],
    // Shapes the direct read must leave to URL parsing, which rewrites them.
    ['/acme/status/1/../../../bob/status/2', { handle: 'bob', id: '2' }],
    ['/acme/status/1/%2e%2e/%2e%2e/%2e%2e/bob/status/2', { handle: 'bob', id: '2' }],
    ['//evil.com/acme/status/1', undefined],
    ['/acme/status/12345678901234567890123456', undefined],
    ['/acme/status/1#/../x', { handle: 'acme', id: '1' }],
    ['/acme/status/7?q=../../bob/status/2', { handle: 'acme', id: '7' }],
  ])('status %s', (href, expected) => {
    expect(parseXStatusHref(href)).toEqual(expected);
    expect(parseXStatusUrl(href)).toEqual(expected);
  });

  it('the direct read of plain status paths agrees with URL parsing on any href', () => {
    const segment = fc.constantFrom('acme', 'status', 'statuses', '123', '..', '.', '%2e%2e', 'photo', '1', '', 'a_b', '\\', 'x.com');
    const hrefs = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('/', '//', 'https://x.com/', ''), fc.array(segment, { maxLength: 7 }), fc.constantFrom('', '?s=20', '#top', '?a=/../b'))
        .map(([head, path, tail]) => head + path.join('/') + tail),
    );
    fc.assert(
      fc.property(hrefs, (href) => {
        expect(parseXStatusHref(href)).toEqual(parseXStatusUrl(href));
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[string, string | undefined]>([
    ['/acme', 'acme'],
    ['/acme/', 'acme'],
    ['https://x.com/Jane_Doe', 'Jane_Doe'],
    ['/home', undefined],
    ['/i', undefined],
    ['/acme/followers', undefined],
    ['/waytoolonghandle_123', undefined],
    ['/Home/', undefined],
    ['/acme?x=1', 'acme'],
    ['/acme//', undefined],
  ])('profile %s', (href, expected) => {
    expect(parseXProfileHref(href)).toBe(expected);
    expect(parseXProfileUrl(href)).toBe(expected);
  });

  it('the direct read of plain profile paths agrees with URL parsing on any href', () => {
    const segment = fc.constantFrom('acme', 'Acme_2', 'home', 'i', '..', '.', '%61cme', '', 'x.com', 'waytoolonghandle_123');
    const hrefs = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('/', '//', 'https://x.com/', ''), fc.array(segment, { maxLength: 3 }), fc.constantFrom('', '/', '?s=20', '#top'))
        .map(([head, path, tail]) => head + path.join('/') + tail),
    );
    fc.assert(
      fc.property(hrefs, (href) => {
        expect(parseXProfileHref(href)).toEqual(parseXProfileUrl(href));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Facebook links', () => {
  it.each<[string, object | undefined]>([
    ['https://www.facebook.com/AcmeBakery/posts/1234567890', { postId: '1234567890', ownerId: 'AcmeBakery' }],
    ['/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh1234567890?__cft__[0]=x', { postId: 'pfbid02Kq3xYzAbCdEfGh1234567890', ownerId: 'AcmeBakery' }],
    ['https://facebook.com/permalink.php?story_fbid=111222333&id=444555666', { postId: '111222333', ownerId: '444555666' }],
    ['https://m.facebook.com/story.php?story_fbid=pfbid0AbCdEfGhIjKlMn&id=4', { postId: 'pfbid0AbCdEfGhIjKlMn', ownerId: '4' }],
    ['https://web.facebook.com/groups/fans/posts/98765/', { postId: '98765', ownerId: 'fans' }],
    ['/groups/12345/permalink/67890/', { postId: '67890', ownerId: '12345' }],
    ['/Acme/videos/1234567/', { postId: '1234567', ownerId: 'Acme' }],
    ['/photo/?fbid=123456789&set=a.1', { postId: '123456789' }],
    ['/Acme/posts/123456?comment_id=777', { postId: '123456', ownerId: 'Acme', commentId: '777' }],
    ['/Acme/posts/123456?comment_id=777&reply_comment_id=888', { postId: '123456', ownerId: 'Acme', commentId: '888', parentCommentId: '777' }],
    ['/sam?comment_id=Y29tbWVudDoxMTExMTExMTExXzIyMjIyMjIyMjI%3D', { postId: '1111111111', commentId: '2222222222' }],
    ['/sam?comment_id=bm90IGEgY29tbWVudA==', undefined],
    ['/AcmeBakery', undefined],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', undefined],
    ['https://example.com/Acme/posts/1234567890', undefined],
    ['%%%', undefined],
  ])('%s', (href, expected) => {
    expect(parseFacebookHref(href)).toEqual(expected);
  });

  it('never throws on arbitrary hrefs (X and Facebook parsers)', () => {
    const hrefs = fc.oneof(
      fc.string(),
      // fc.webUrl is slow to generate; a hand-built URL shape covers the same parser branches.
      fc
        .tuple(
          fc.constantFrom('https://www.facebook.com', 'https://x.com', 'http://web.facebook.com', 'https://example.com', ''),
          fc.array(fc.constantFrom('posts', 'status', 'groups', 'permalink.php', 'pfbid0abcdefghijk', '123456', 'acme', '%', ''), { maxLength: 5 }),
          fc.array(fc.tuple(fc.constantFrom('story_fbid', 'id', 'comment_id', 'reply_comment_id', 'fbid', 'v'), fc.string()), { maxLength: 3 }),
        )
        .map(([origin, path, query]) => `${origin}/${path.join('/')}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`),
      fc
        .tuple(fc.constantFrom('/', 'https://www.facebook.com/', 'https://x.com/', '?comment_id='), fc.string())
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(hrefs, (href) => {
        parseXStatusHref(href);
        parseXProfileHref(href);
        const ref = parseFacebookHref(href);
        return ref === undefined || Boolean(ref.postId || ref.commentId);
      }),
    );
  });
});

describe('page kinds and adapter choice', () => {
  it.each<[string, string]>([
    ['https://x.com/home', 'home'],
    ['https://x.com/', 'home'],
    ['https://x.com/search?q=acme&f=live', 'search'],
    ['https://x.com/hashtag/acme', 'search'],
    ['https://x.com/acme/status/123', 'conversation'],
    ['https://twitter.com/acme/status/123/photo/1', 'conversation'],
    ['https://x.com/acme', 'profile'],
    ['https://x.com/acme/with_replies', 'profile'],
    ['https://x.com/notifications/mentions', 'notifications'],
    ['https://x.com/i/lists/123', 'list'],
    ['https://x.com/acme/lists', 'list'],
    ['https://x.com/messages', 'other'],
    ['https://x.com/explore', 'other'],
  ])('X %s → %s', (url, kind) => {
    expect(xPageKind(url)).toBe(kind);
  });

  it.each<[string, string]>([
    ['https://www.facebook.com/', 'feed'],
    ['https://web.facebook.com/?sk=h_chr', 'feed'],
    ['https://www.facebook.com/groups/feed/', 'feed'],
    ['https://www.facebook.com/AcmeBakery', 'page'],
    ['https://www.facebook.com/profile.php?id=1000', 'page'],
    ['https://www.facebook.com/groups/acmefans', 'page'],
    ['https://www.facebook.com/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh1234567890', 'post'],
    ['https://facebook.com/permalink.php?story_fbid=1234567&id=2', 'post'],
    ['https://www.facebook.com/messages/t/1', 'other'],
    ['https://www.facebook.com/marketplace', 'other'],
  ])('Facebook %s → %s', (url, kind) => {
    expect(facebookPageKind(url)).toBe(kind);
  });

  it.each<[string, string | undefined]>([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/acme', 'x'],
    ['https://mobile.x.com/acme', 'x'],
    ['https://www.facebook.com/', 'facebook'],
    ['https://web.facebook.com/', 'facebook'],
    ['https://m.facebook.com/', 'facebook'],
    ['https://facebook.com/', 'facebook'],
    ['https://notfacebook.com/', undefined],
    ['https://x.com.evil.org/', undefined],
    ['not a url', undefined],
  ])('adapterFor(%s) → %s', (url, site) => {
    expect(adapterFor(url)?.site).toBe(site);
  });
});

describe('Facebook time labels', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  it.each<[string, number | undefined]>([
    ['Just now', now],
    ['5m', now - 5 * 60_000],
    ['5 mins', now - 5 * 60_000],
    ['2h', now - 2 * 3_600_000],
    ['3 ч.', now - 3 * 3_600_000],
    ['5分钟', now - 5 * 60_000],
    ['3小时', now - 3 * 3_600_000],
    ['2d', now - 2 * 86_400_000],
    ['1w', now - 7 * 86_400_000],
    ['2 нед.', now - 14 * 86_400_000],
    ['3 hrs ago', now - 3 * 3_600_000],
    ['5 минут назад', now - 5 * 60_000],
    ['3小时前', now - 3 * 3_600_000],
    ['2天前', now - 2 * 86_400_000],
    ['1周前', now - 7 * 86_400_000],
    ['a week ago', now - 7 * 86_400_000],
    ['an hour ago', now - 3_600_000],
    ['неделю назад', now - 7 * 86_400_000],
    ['час назад', now - 3_600_000],
    ['a few seconds ago', now],
    ['Tuesday, November 17, 2026 at 3:12 PM', new Date(2026, 10, 17, 15, 12).getTime()],
    ['Friday, 30 May 2025 at 11:02', new Date(2025, 4, 30, 11, 2).getTime()],
    // This year's dates come without a year (a real 2025 permalink label).
    ['30 May at 11:02', new Date(2026, 4, 30, 11, 2).getTime()],
    ['May 30 at 11:02 AM', new Date(2026, 4, 30, 11, 2).getTime()],
    ['Nov 20 at 9:05 PM', new Date(2026, 10, 20, 21, 5).getTime()],
    ['Sept 3', new Date(2026, 8, 3).getTime()],
    ['12 March', new Date(2026, 2, 12).getTime()],
    // A day after today was last year's.
    ['25 December at 10:00', new Date(2025, 11, 25, 10, 0).getTime()],
    ['Yesterday at 11:02', new Date(2026, 10, 22, 11, 2).getTime()],
    ['Yesterday at 3:40 PM', new Date(2026, 10, 22, 15, 40).getTime()],
    ['Вчера в 11:02', new Date(2026, 10, 22, 11, 2).getTime()],
    ['昨天 11:02', new Date(2026, 10, 22, 11, 2).getTime()],
    ['30 мая в 11:02', new Date(2026, 4, 30, 11, 2).getTime()],
    ['3 марта 2024 г. в 8:15', new Date(2024, 2, 3, 8, 15).getTime()],
    ['пятница, 30 мая 2025 г. в 11:02', new Date(2025, 4, 30, 11, 2).getTime()],
    ['5月30日 11:02', new Date(2026, 4, 30, 11, 2).getTime()],
    ['2024年5月30日 下午3:12', new Date(2024, 4, 30, 15, 12).getTime()],
    ['2024年5月30日星期四 上午9:00', new Date(2024, 4, 30, 9, 0).getTime()],
    ['2026-11-20T10:00:00Z', Date.UTC(2026, 10, 20, 10)],
    ['31 April at 10:00', undefined],
    ['May 30 at 25:00', undefined],
    ['Sponsored', undefined],
    ['', undefined],
    ['5 parsecs', undefined],
    ['30 Smarch', undefined],
  ])('%j', (label, expected) => {
    expect(parseFacebookTime(label, now)).toBe(expected);
  });

  it('never throws and never answers a time after now (plus a day) or before 1970', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 4_102_444_800_000 }), (label, at) => {
        const parsed = parseFacebookTime(label, at);
        if (parsed !== undefined) expect(Number.isFinite(parsed) && parsed >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every this-year date it writes back as the same day', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), (month, day) => {
        const parsed = parseFacebookTime(`${day} ${months[month] ?? ''} at 10:30`, now);
        const date = new Date(parsed ?? Number.NaN);
        expect([date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]).toEqual([month, day, 10, 30]);
        expect(parsed).toBeLessThanOrEqual(now + 86_400_000);
      }),
    );
  });
});

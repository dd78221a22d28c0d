import { describe, expect, it, vi } from 'vitest';
import { PostSchema, ProfileStatSchema, type Post } from '../../../lib/schemas/posts';
import fc from 'fast-check';
import { contentId, facebookAdapter } from '../../../lib/sites/facebook';
import { brandHandleSet } from '../../../lib/sites/brandHandles';
import { byId, loadFixture, loadHtml } from './load';
import { settlePostTime, settleReplyTime } from '../../../lib/sites/postTime';
import { settlePostKeys } from '../../../lib/sites/postKeys';
import { facebookEditor } from '../../../lib/sites/facebook/editor';

const NOW = Date.UTC(2026, 10, 23, 18, 0, 0);
const HOUR = 3_600_000;
const feed = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
const dialogDoc = loadFixture('facebook', 'dialog.html', 'https://www.facebook.com/');

/** The post as the background files it: a date the page sent as words is a timestamp by then. */
function extractById(doc: Document, id: string): Post {
  const result = facebookAdapter.extract(byId(doc, id), NOW);
  if (!result.ok) throw new Error(`#${id}: ${result.reason}`);
  return settlePostTime(result.post);
}

describe('facebook adapter on the feed fixture', () => {
  it('sends a date shown only as words as those words (the background parses them), a machine-readable one as a time', () => {
    const raw = (id: string) => {
      const result = facebookAdapter.extract(byId(feed, id), NOW);
      return result.ok ? { createdAt: result.post.createdAt, timeLabels: result.post.timeLabels } : undefined;
    };
    expect(raw('c-en')).toEqual({ createdAt: undefined, timeLabels: [expect.any(String)] });
    expect(raw('c-en')?.timeLabels?.some((label) => /2\s*h/i.test(label))).toBe(true);
    expect(raw('post-2')).toEqual({ createdAt: 1_795_400_000_000, timeLabels: undefined });
    // Filed without the words.
    expect(extractById(feed, 'c-en')).not.toHaveProperty('timeLabels');
  });

    it('finds posts (aria-posinset) and comments (role=article) in document order', () => {
    const ids = facebookAdapter.findPostElements(feed.body).map((el) => el.id);
    expect(ids).toEqual(['post-1', 'c-en', 'c-ru', 'c-zh', 'post-2', 'post-3']);
    const results = facebookAdapter.findPostElements(feed.body).map((el) => facebookAdapter.extract(el, NOW));
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'pending' }]);
    for (const r of results) if (r.ok) expect(PostSchema.parse(r.post)).toEqual(r.post);
  });

  it.each<[string, keyof Post, unknown]>([
    ['post-1', 'postId', 'pfbid02Kq3xYzAbCdEfGh1234567890'],
    ['post-1', 'key', 'facebook:pfbid02Kq3xYzAbCdEfGh1234567890'],
    ['post-1', 'kind', 'post'],
    ['post-1', 'url', 'https://www.facebook.com/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh1234567890'],
    ['post-1', 'authorName', 'Jane Doe'],
    ['post-1', 'authorHandle', 'jane.doe.77'],
    ['post-1', 'authorProfileUrl', 'https://www.facebook.com/jane.doe.77'],
    ['post-1', 'text', 'The cake I ordered for Saturday never came 😡 😡\n\nOrder #A-2291, please call me back.'],
    ['post-1', 'truncated', true],
    ['post-1', 'createdAt', new Date(2026, 10, 17, 15, 12).getTime()],
    ['post-2', 'postId', '987654321098765'],
    ['post-2', 'url', 'https://www.facebook.com/permalink.php?story_fbid=987654321098765&id=100064000000001'],
    ['post-2', 'authorName', 'Acme Bakery'],
    ['post-2', 'authorHandle', 'AcmeBakery'],
    ['post-2', 'authorVerified', true],
    ['post-2', 'createdAt', 1_795_400_000_000],
    ['post-2', 'text', 'Holiday orders open Monday!\n\n<img src=x onerror=alert(1)> is not an emoji.'],
    ['post-2', 'truncated', false],
    ['c-en', 'kind', 'comment'],
    ['c-en', 'postId', '2222222222'],
    ['c-en', 'parentPostId', 'pfbid02Kq3xYzAbCdEfGh1234567890'],
    ['c-en', 'url', 'https://www.facebook.com/AcmeBakery/posts/pfbid02Kq3xYzAbCdEfGh1234567890?comment_id=2222222222'],
    ['c-en', 'authorName', 'Sam Lee'],
    ['c-en', 'authorHandle', 'sam.lee.3'],
    ['c-en', 'text', 'Same thing happened to me with @AcmeBakery last week.'],
    ['c-en', 'createdAt', NOW - 2 * HOUR],
    ['c-en', 'isReply', false],
    ['c-en', 'lang', 'en'],
    ['c-ru', 'postId', '3333333333'],
    ['c-ru', 'authorName', 'Иван Петров'],
    ['c-ru', 'authorHandle', '100012345678901'],
    ['c-ru', 'authorProfileUrl', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['c-ru', 'text', 'У меня тоже не пришёл заказ'],
    ['c-ru', 'createdAt', NOW - 3 * HOUR],
    ['c-zh', 'postId', '5555555555'],
    ['c-zh', 'isReply', true],
    ['c-zh', 'authorName', '王小明'],
    ['c-zh', 'text', '蛋糕很好吃 👍'],
    ['c-zh', 'createdAt', NOW - 5 * 60_000],
    // Who each one talks to: a visitor post and every comment on the page's post go to the page.
    ['post-1', 'threadOwner', 'AcmeBakery'],
    ['post-2', 'threadOwner', undefined],
    ['c-en', 'threadOwner', 'AcmeBakery'],
    ['c-ru', 'threadOwner', 'AcmeBakery'],
    ['c-zh', 'threadOwner', 'AcmeBakery'],
  ])('%s → %s', (id, field, expected) => {
    expect(extractById(feed, id)[field]).toEqual(expected);
  });

  it('keys a post whose permalink is still href="#" on its author and text, stably', () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-2');
    post.querySelector('a[href*="story_fbid"]')?.setAttribute('href', '#');
    const first = facebookAdapter.extract(post, NOW);
    expect(first.ok && first.post).toMatchObject({
      postId: expect.stringMatching(/^fbh-[0-9a-z]+$/),
      url: 'https://www.facebook.com/AcmeBakery',
      authorHandle: 'AcmeBakery',
      createdAt: 1_795_400_000_000,
    });
    expect(facebookAdapter.extract(post, NOW + 1000)).toMatchObject({ ok: true, post: { postId: first.ok ? first.post.postId : '' } });
    post.querySelector('[data-ad-preview]')?.append(' edited');
    const edited = facebookAdapter.extract(post, NOW);
    expect(edited.ok && first.ok && edited.post.postId !== first.post.postId).toBe(true);
  });

  it('takes the author from the profile link, not the localised aria-label', () => {
    const ru = byId(feed, 'c-ru');
    ru.setAttribute('aria-label', 'Комментарий от Кто-то Другой');
    expect(facebookAdapter.extract(ru, NOW)).toMatchObject({ ok: true, post: { authorName: 'Иван Петров' } });
    ru.removeAttribute('aria-label');
    expect(facebookAdapter.extract(ru, NOW)).toMatchObject({ ok: true, post: { authorName: 'Иван Петров' } });
  });

  it('locates the comment box under the post; a comment gets only a composer in its own thread', () => {
    const editor = facebookEditor.replyBoxFor(byId(feed, 'post-1'));
    expect(editor?.getAttribute('role')).toBe('textbox');
    // A reply there would not reach the commenter (tests/unit/sites/facebookReplyBox.test.ts).
    expect(facebookEditor.replyBoxFor(byId(feed, 'c-ru'))).toBeNull();
    expect(facebookEditor.replyBoxFor(byId(feed, 'post-2'))).toBeNull();
  });

  it('anchors badges on the author heading and counts structural candidates', () => {
    expect(facebookAdapter.authorLineAnchor(byId(feed, 'post-1'))?.tagName).toBe('H2');
    expect(facebookAdapter.authorLineAnchor(byId(feed, 'c-en'))?.textContent).toBe('Sam Lee');
    expect(facebookAdapter.countCandidates(feed)).toBe(6);
  });
});

describe('facebook variants', () => {
  it('reads aria-describedby posts and group permalinks on web.facebook.com', () => {
    const doc = loadFixture('facebook', 'feed-describedby.html', 'https://web.facebook.com/groups/acmefans');
    const [el, ...rest] = facebookAdapter.findPostElements(doc.body);
    expect(rest).toEqual([]);
    const result = el ? facebookAdapter.extract(el, NOW) : undefined;
    expect(result?.ok && settlePostTime(result.post)).toMatchObject({
      postId: '1357924680135792',
      url: 'https://www.facebook.com/acmefans/posts/1357924680135792',
      authorName: 'Mia Chen',
      authorHandle: '100099988877766',
      text: 'Does anyone know if Acme delivers on Sundays?',
      createdAt: NOW - 5 * 60_000,
    });
  });

  it('reads a post opened in a dialog, with its comments and the brand reply', () => {
    const ids = facebookAdapter.findPostElements(dialogDoc.body).map((el) => el.id);
    expect(ids).toEqual(['dlg', 'dc-1', 'dc-2']);
    expect(extractById(dialogDoc, 'dlg')).toMatchObject({
      postId: '246813579024681',
      url: 'https://www.facebook.com/permalink.php?story_fbid=246813579024681&id=100064000000001',
      authorName: 'Acme Bakery',
      text: "We're hiring bakers in Leeds.",
    });
    expect(extractById(dialogDoc, 'dc-1')).toMatchObject({ postId: '6666666666', parentPostId: '246813579024681', isReply: false, threadOwner: 'AcmeBakery' });
    // The permalinks name the page by number only: the dialog's post author says whose thread it is.
    expect(facebookAdapter.findPostElements(dialogDoc.body).map((el) => facebookAdapter.threadOwner(el))).toEqual([undefined, 'AcmeBakery', undefined]);
    expect(extractById(dialogDoc, 'dc-2')).toMatchObject({ postId: '7777777777', isReply: true, authorHandle: 'AcmeBakery' });
    const wanted = brandHandleSet(['acmebakery']);
    const replies = facebookAdapter.findPostElements(dialogDoc.body).flatMap((el) => facebookAdapter.brandReply(el, wanted, NOW) ?? []);
    // The page sends the words and when it read them; the background dates them.
    expect(replies).toEqual([{ handle: 'AcmeBakery', postId: '7777777777', timeLabels: [expect.any(String)], readAt: NOW }]);
    expect(replies.map((reply) => settleReplyTime('facebook', reply))).toEqual([{ handle: 'AcmeBakery', postId: '7777777777', createdAt: NOW - 20 * HOUR }]);
    // The reply answers the comment its permalink replies to, and the post it sits under.
    const answered = facebookAdapter.findPostElements(dialogDoc.body).flatMap((el) => facebookAdapter.answeredBy(el, dialogDoc.URL, wanted, NOW));
    expect(answered.map((a) => a.key)).toEqual(['facebook:6666666666', 'facebook:246813579024681']);
    expect(answered.every((a) => a.replies.length === 1 && a.replies[0]?.postId === '7777777777')).toBe(true);
    expect(facebookAdapter.answeredBy(byId(dialogDoc, 'dc-1'), dialogDoc.URL, wanted, NOW)).toEqual([]);
  });

  it('files a brand reply to a comment under both the comment and the post, in or out of the page', () => {
    const doc = loadFixture('facebook', 'comment-replies.html', 'https://www.facebook.com/');
    const keyOf = (id: string) => extractById(doc, id).key;
    // Page names count as the brand's handles too: this reply's author stands in for the brand.
    const wanted = brandHandleSet(['Ana Gómez']);
    const expected = [keyOf('rp-c1'), keyOf('rp-post')];
    const reply = byId(doc, 'rp-r1');
    expect(facebookAdapter.answeredBy(reply, doc.URL, wanted, NOW).map((a) => a.key)).toEqual(expected);
    expect(facebookAdapter.answeredBy(byId(doc, 'rp-c1'), doc.URL, wanted, NOW)).toEqual([]);
    byId(doc, 'rp-post').remove();
    expect(facebookAdapter.answeredBy(reply, doc.URL, wanted, NOW).map((a) => a.key)).toEqual(expected);
  });

  it('finds the composer and its send button inside the dialog', async () => {
    const editor = await facebookEditor.openReplyBox(byId(dialogDoc, 'dlg'));
    expect(editor?.closest('[role="dialog"]')?.id).toBe('dlg');
    expect(editor && facebookEditor.postButtonFor(editor)?.id).toBe('focused-state-composer-submit');
  });

  it('clicks the comment button and waits for the composer when none is open', async () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    post.querySelector('form')?.remove();
    const button = post.querySelector('[data-ad-rendering-role="comment_button"]');
    button?.addEventListener('click', () => {
      post.insertAdjacentHTML('beforeend', '<div contenteditable="true" role="textbox" id="late"></div>');
    });
    expect((await facebookEditor.openReplyBox(post, { timeoutMs: 1000 }))?.id).toBe('late');
  });

  describe('keys that survive a new page load (pfbid permalinks change)', () => {
    it('a post names its numeric id when its comments carry one, and the background adds its content key; comments name none', () => {
      const post = extractById(feed, 'post-1');
      expect(post.key).toBe('facebook:pfbid02Kq3xYzAbCdEfGh1234567890');
      // Its first comment's base64 id spells the post's number: comment:1111111111_2222222222.
      expect(post.sameAs).toEqual(['facebook:1111111111']);
      expect(settlePostKeys(post).sameAs).toEqual(['facebook:1111111111', `facebook:${contentId('jane.doe.77', post.text)}`]);
      const second = extractById(feed, 'post-2');
      expect(second.sameAs).toBeUndefined();
      expect(settlePostKeys(second).sameAs).toEqual([`facebook:${contentId('AcmeBakery', second.text)}`]);
      const comment = extractById(feed, 'c-en');
      expect(settlePostKeys(comment)).toEqual(comment);
      const page = loadFixture('facebook', 'post-page-2025.html', 'https://www.facebook.com/AcmeBakery/posts/pfbid0AcmeNov12PostPermalink7');
      const pagePost = settlePostKeys(extractById(page, 'pp-post'));
      // The comments' base64 ids name the post by number: comment:111222333444555_…
      expect(pagePost.sameAs?.[0]).toBe('facebook:111222333444555');
      expect(pagePost.sameAs?.[1]).toMatch(/^facebook:fbh-/);
      // Settled once or twice, the same keys; a post keyed on its content names it no second time.
      expect(settlePostKeys(pagePost)).toEqual(pagePost);
      const unkeyed = { ...second, key: `facebook:${contentId('AcmeBakery', second.text)}` };
      expect(settlePostKeys(unkeyed)).toEqual(unkeyed);
      // An X post keeps what it has.
      const tweet = { ...second, site: 'x' as const, key: 'x:1', postId: '1' };
      expect(settlePostKeys(tweet)).toEqual(tweet);
    });

    it.each<[string, string]>([
      ['Our Christmas order book is open!\n\nOrder by 15 December for delivery before the 24th. Ask us about gluten-free bakes…', 'cut by the feed'],
      ['Our  Christmas order book is open! 🎄 Order by 15 December for delivery before the 24th. Ask us about gluten-free bakes and more', 'other spacing, an emoji'],
      ['OUR CHRISTMAS ORDER BOOK IS OPEN! Order by 15 December for delivery before the 24th. Ask us about gluten-free bakes', 'other case'],
    ])('the content key ignores what differs between views: %j (%s)', (text) => {
      const full = 'Our Christmas order book is open!\nOrder by 15 December for delivery before the 24th. Ask us about gluten-free bakes and more in store.';
      expect(contentId('AcmeBakery', text)).toBe(contentId('acmebakery', full));
    });

    it('tells apart posts that differ within their opening, or by author', () => {
      expect(contentId('acme', 'Order 1001 never came')).not.toBe(contentId('acme', 'Order 1002 never came'));
      expect(contentId('acme', 'Order 1001 never came')).not.toBe(contentId('jane', 'Order 1001 never came'));
      fc.assert(fc.property(fc.string(), fc.string({ maxLength: 60 }), (handle, text) => {
        expect(contentId(handle, text)).toMatch(/^fbh-[0-9a-z]+$/);
      }));
    });
  });

  describe('a 2025 post page (dialog, profile_name, labels without a year)', () => {
    const page = () => loadFixture('facebook', 'post-page-2025.html', 'https://www.facebook.com/AcmeBakery/posts/pfbid0AcmeNov12PostPermalink7');

    it('finds the post inside the dialog and both comments', () => {
      expect(facebookAdapter.findPostElements(page().body).map((el) => el.id)).toEqual(['pp-post', 'pp-c1', 'pp-c2']);
    });

    it.each<[string, keyof Post, unknown]>([
      ['pp-post', 'key', 'facebook:pfbid0AcmeNov12PostPermalink7'],
      ['pp-post', 'authorHandle', 'AcmeBakery'],
      ['pp-post', 'authorName', 'Acme Bakery'],
      ['pp-post', 'text', 'Our Christmas order book is open!\n\nOrder by 15 December for delivery before the 24th.'],
      ['pp-post', 'truncated', true],
      // "12 November at 09:40": this year's date, no year in the label.
      ['pp-post', 'createdAt', new Date(2026, 10, 12, 9, 40).getTime()],
      ['pp-c1', 'postId', '990011223344556'],
      ['pp-c1', 'authorName', 'Priya Shah'],
      ['pp-c1', 'text', 'Do you deliver to Leeds? 🎄'],
      ['pp-c1', 'createdAt', NOW - 7 * 24 * HOUR],
      ['pp-c1', 'parentPostId', 'pfbid0AcmeNov12PostPermalink7'],
      ['pp-c1', 'threadOwner', 'AcmeBakery'],
      ['pp-c2', 'authorName', 'Олег Петров'],
      ['pp-c2', 'createdAt', NOW - 3 * HOUR],
      ['pp-c2', 'lang', 'ru-RU'],
    ])('#%s %s', (id, field, expected) => {
      expect(extractById(page(), id)[field]).toEqual(expected);
    });

    it('opens the composer from a Comment button that has only its text', async () => {
      const doc = page();
      const post = byId(doc, 'pp-post');
      const clicked: string[] = [];
      for (const b of doc.querySelectorAll('[role="button"]')) b.addEventListener('click', () => clicked.push(b.id || (b.textContent ?? '')));
      byId(doc, 'pp-comment-button').addEventListener('click', () => {
        post.insertAdjacentHTML('beforeend', '<div contenteditable="true" role="textbox" id="pp-editor"></div>');
      });
      expect((await facebookEditor.openReplyBox(post, { timeoutMs: 1000 }))?.id).toBe('pp-editor');
      // Not "3 comments" (the count), not a comment's Reply.
      expect(clicked).toEqual(['pp-comment-button']);
    });
  });

  it.each<[string, object[]]>([
    ['<a href="https://www.facebook.com/AcmeBakery/followers/">12K followers</a>', [{ handle: 'AcmeBakery', followers: 12_000 }]],
    ['<a href="/profile.php?id=1000&amp;sk=followers">1,2 тыс. подписчиков</a>', [{ handle: '1000', followers: 1200 }]],
    ['<a href="/AcmeBakery/followers">followers</a>', []],
    // Longer than a handle may be: the background would refuse the whole message.
    [`<a href="/${'a'.repeat(121)}/followers/">5 followers</a>`, []],
    [`<a href="/${'a'.repeat(120)}/followers/">5 followers</a>`, [{ handle: 'a'.repeat(120), followers: 5 }]],
  ])('reads page follower counts from %s', (html, expected) => {
    const doc = loadFixture('facebook', 'feed-describedby.html', 'https://www.facebook.com/AcmeBakery');
    doc.body.insertAdjacentHTML('beforeend', html);
    const stats = facebookAdapter.readProfileStats(doc);
    expect(stats).toEqual(expected);
    // Not parsed on the page: valid by construction, as the background parses them.
    for (const stat of stats) expect(ProfileStatSchema.parse(stat)).toEqual(stat);
  });

  it('answers a thread owner only among the wanted ones, and reads no author to refuse one', async () => {
    const doc = loadFixture('facebook', 'dialog.html', 'https://www.facebook.com/');
    const comment = byId(doc, 'dc-1');
    const isAcme = (handle: string) => handle.toLowerCase() === 'acmebakery';
    expect(facebookAdapter.threadOwner(comment, isAcme)).toBe('AcmeBakery');
    expect(facebookAdapter.threadOwner(comment, () => true)).toBe(facebookAdapter.threadOwner(comment));
    await Promise.resolve(); // answers are kept for one task: this is a fresh one
    const links = vi.spyOn(comment, 'querySelectorAll');
    expect(facebookAdapter.threadOwner(comment, () => false)).toBeUndefined();
    // The comment's own links are read for its permalink only, never all of them for its author.
    expect(links.mock.calls.map(([selector]) => selector)).not.toContain('a[href]');
    expect(facebookAdapter.threadOwner(byId(doc, 'dc-2'), isAcme)).toBeUndefined(); // the page's own reply
  });

  it("answers a comment's thread owner from a permalink naming the page, without looking for the post around it", () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const comment = byId(doc, 'c-en');
    const parent = comment.parentElement;
    if (!parent) throw new Error('no parent');
    const climbs = vi.spyOn(parent, 'closest');
    expect(facebookAdapter.threadOwner(comment)).toBe('AcmeBakery');
    expect(climbs).not.toHaveBeenCalled();
  });

  it('answers whether a feed row may hold a follower count without walking it; a header still does', () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/AcmeBakery');
    const post = byId(doc, 'post-1');
    // A follower link inside a feed unit is not a profile's own count (and none comes there).
    post.insertAdjacentHTML('beforeend', '<a href="https://www.facebook.com/AcmeBakery/followers/">12K followers</a>');
    const row = doc.createElement('div');
    post.replaceWith(row);
    row.appendChild(post);
    const feedList = doc.querySelector('[role="feed"]');
    if (!feedList) throw new Error('no feed');
    const walks = [vi.spyOn(post, 'querySelector'), vi.spyOn(row, 'querySelector'), vi.spyOn(feedList, 'querySelector')];
    expect(facebookAdapter.mayHoldProfileStats(post)).toBe(false);
    expect(facebookAdapter.mayHoldProfileStats(row)).toBe(false);
    expect(facebookAdapter.mayHoldProfileStats(feedList)).toBe(false);
    for (const walk of walks) expect(walk).not.toHaveBeenCalled();
    const header = doc.createElement('div');
    header.innerHTML = '<h1>Acme Bakery</h1><a href="https://www.facebook.com/AcmeBakery/followers/">12K followers</a>';
    doc.body.prepend(header);
    expect(facebookAdapter.mayHoldProfileStats(header)).toBe(true);
  });

  it('tells a feed unit from a comment by its feed position, without reading its links', () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    // Feed units are articles too on some pages, as comments are.
    post.setAttribute('role', 'article');
    const asked = vi.spyOn(post, 'querySelectorAll');
    expect(facebookAdapter.findPostElements(post).map((el) => el.id)).toEqual(['post-1', 'c-en', 'c-ru', 'c-zh']);
    expect(asked.mock.calls.some(([selector]) => selector.includes('comment_id'))).toBe(false);
  });

  it.each(['feed.html', 'feed-describedby.html', 'dialog.html', 'comment-replies.html', 'post-page-2025.html'])(
    'looks for a mention in every word %s sends as a post\'s text, and in no comment under a post',
    (fixture) => {
      const doc = loadFixture('facebook', fixture, 'https://www.facebook.com/');
      // Letters and digits: the text sent also has emoji pictures' words, which textContent has not.
      const squashed = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
      const elements = facebookAdapter.findPostElements(doc.body);
      expect(elements.length).toBeGreaterThan(0);
      for (const el of elements) {
        const result = facebookAdapter.extract(el, NOW);
        if (!result.ok) continue;
        const whole = el.textContent ?? '';
        const own = facebookAdapter.mentionText(el, whole);
        expect(squashed(own)).toContain(squashed(result.post.text));
        if (result.post.kind === 'comment') expect(own).toBe(whole);
        // A post's comments are theirs: none of their words is the post's.
        else for (const comment of elements.filter((other) => other !== el && el.contains(other))) expect(own).not.toContain(comment.textContent ?? '');
      }
    },
  );

  it("looks for a mention in a post's whole text when its message cannot be found", () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    for (const message of post.querySelectorAll('[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]')) {
      for (const name of ['data-ad-rendering-role', 'data-ad-preview', 'data-ad-comet-preview']) message.removeAttribute(name);
    }
    expect(facebookAdapter.mentionText(post, post.textContent ?? '')).toBe(post.textContent);
  });

  it("finds a post's author and its unit's posts without listing every link or message when the first place has them", async () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    const asked = vi.spyOn(post, 'querySelectorAll');
    const selectors = () => asked.mock.calls.map(([selector]) => selector);
    expect(facebookAdapter.findPostElements(post).map((el) => el.id)).toEqual(['post-1', 'c-en', 'c-ru', 'c-zh']);
    // The unit is a post: every message in it is its own, none needs a host.
    expect(selectors().some((selector) => selector.includes('story_message'))).toBe(false);
    const extracted = facebookAdapter.extract(post, NOW);
    expect(extracted.ok && extracted.post.authorHandle).toBe('jane.doe.77');
    expect(selectors()).not.toContain('a[href]');
  });

  it('maps a lazily added subtree inside a post back to that post, not to a second element', () => {
    const message = byId(feed, 'p1-msg');
    expect(facebookAdapter.findPostElements(message)).toEqual([]);
    expect(facebookAdapter.closestPost(message)?.id).toBe('post-1');
    const commentText = byId(feed, 'c-ru').querySelector('span[lang]');
    expect(commentText && facebookAdapter.closestPost(commentText)?.id).toBe('c-ru');
  });

  it("never takes a comment's parts for the post's when the comments come first in the page", () => {
    const doc = loadHtml(
      `<div role="feed"><div aria-posinset="1" role="article" id="p">
<ul><li><div role="article" id="c" aria-label="Comment by Pal Nine"><a href="https://www.facebook.com/pal.9?comment_id=77"><strong>Pal Nine</strong></a>
<span lang="de" dir="auto"><div dir="auto">Hallo</div></span><div role="button" aria-haspopup="menu" aria-label="Hide or report this"></div>
<a href="https://www.facebook.com/shop/posts/123456?comment_id=77"><abbr data-utime="1795000000">1h</abbr></a></div></li></ul>
<h2><a href="https://www.facebook.com/jane.doe">Jane Doe</a></h2><a href="https://www.facebook.com/shop/posts/123456">3h</a>
<div data-ad-preview="message"><div dir="auto">Hello shop</div></div></div></div>`,
      'https://www.facebook.com/',
    );
    const post = extractById(doc, 'p');
    expect([post.key, post.authorHandle, post.lang, post.text, post.createdAt]).toEqual(['facebook:123456', 'jane.doe', undefined, 'Hello shop', NOW - 3 * HOUR]);
    expect(facebookAdapter.authorLineEnd(byId(doc, 'p'))).toBeNull();
    const comment = extractById(doc, 'c');
    expect([comment.key, comment.authorHandle, comment.lang, comment.createdAt]).toEqual(['facebook:77', 'pal.9', 'de', 1_795_000_000_000]);
  });

  it.each(['feed.html', 'comment-replies.html', 'post-page-2025.html'])(
    'finds the same posts and comments in a feed unit added alone as in the whole page (%s)',
    (fixture) => {
      const doc = loadFixture('facebook', fixture, 'https://www.facebook.com/');
      const all = facebookAdapter.findPostElements(doc.body);
      const units = [...doc.querySelectorAll('div[aria-posinset]')];
      expect(units.length).toBeGreaterThan(0);
      for (const unit of units) expect(facebookAdapter.findPostElements(unit)).toEqual(all.filter((el) => unit.contains(el)));
    },
  );

  it('finds a dialog with a message inside a feed unit, in page order', () => {
    const doc = loadHtml(
      `<div role="feed"><div aria-posinset="1" role="article" id="u"><a href="https://www.facebook.com/shop/posts/123456">3h</a>
<div role="article" id="c" aria-label="Comment by Ann"><a href="https://www.facebook.com/ann?comment_id=9">Ann</a><div dir="auto">Hi</div></div>
<div role="dialog" id="d"><div data-ad-preview="message"><div dir="auto">Inside</div></div></div></div></div>`,
      'https://www.facebook.com/',
    );
    const unit = byId(doc, 'u');
    expect(facebookAdapter.findPostElements(unit).map((el) => el.id)).toEqual(['u', 'c', 'd']);
    expect(facebookAdapter.findPostElements(doc.body).filter((el) => unit.contains(el))).toEqual(facebookAdapter.findPostElements(unit));
  });

  it('yields nothing from an X page', () => {
    const doc = loadFixture('x', 'timeline.html', 'https://www.facebook.com/');
    expect(facebookAdapter.findPostElements(doc.body)).toEqual([]);
  });
});

describe('facebook authorLineEnd', () => {
  const post = (header: string, comment: string): Element => {
    const doc = loadHtml(`<div role="feed"><div aria-posinset="1" role="article"><div><h2><a href="https://www.facebook.com/acme"><strong>Acme</strong></a></h2>${header}</div>
<div data-ad-rendering-role="story_message"><div dir="auto">Hello</div></div>
<ul><li><div role="article" aria-label="Comment by Ann"><a href="https://www.facebook.com/ann?comment_id=1">Ann</a><div dir="auto">Hi</div>${comment}</div></li></ul></div></div>`, 'https://www.facebook.com/');
    return doc.querySelector('[aria-posinset]')!;
  };
  const menu = (label: string) => `<div role="button" tabindex="0" aria-haspopup="menu" aria-label="${label}"></div>`;

  it.each([
    ['the post header menu, whatever its language', menu('Действия с публикацией'), menu('Hide or report this'), 'Действия с публикацией'],
    ['nothing when only a comment has a menu', '', menu('Hide or report this'), null],
  ])('finds %s', (_, header, comment, expected) => {
    const end = facebookAdapter.authorLineEnd(post(header, comment));
    expect(end?.getAttribute('aria-label') ?? null).toBe(expected);
  });

  it("finds a comment's own menu for the comment", () => {
    const comment = post('', menu('Hide or report this')).querySelector('li [role="article"]')!;
    expect(facebookAdapter.authorLineEnd(comment)?.getAttribute('aria-label')).toBe('Hide or report this');
  });
});

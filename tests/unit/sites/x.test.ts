import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseWhitespace } from '../../../lib/dom/text';
import { PostSchema, ProfileStatSchema, type Post } from '../../../lib/schemas/posts';
import { extractX, xAdapter } from '../../../lib/sites/x';
import { brandHandleSet } from '../../../lib/sites/brandHandles';
import { facebookAdapter } from '../../../lib/sites/facebook';
import { byId, loadFixture } from './load';
import { tweetArticle } from '../../e2e/support/xPage';
import { xEditor } from '../../../lib/sites/x/editor';

const NOW = Date.UTC(2026, 10, 23, 18, 0, 0);
const timeline = loadFixture('x', 'timeline.html', 'https://x.com/home');

function postIn(doc: Document, rowId: string): Post {
  const row = byId(doc, rowId);
  const [article] = xAdapter.findPostElements(row);
  if (!article) throw new Error(`no article in #${rowId}`);
  const result = xAdapter.extract(article, NOW);
  if (!result.ok) throw new Error(`#${rowId}: ${result.reason}`);
  return result.post;
}

describe('x adapter on the home timeline fixture', () => {
  it('finds every article and extracts all but the row still rendering', () => {
    const elements = xAdapter.findPostElements(timeline.body);
    expect(elements).toHaveLength(12);
    const results = elements.map((el) => extractX(el, NOW));
    expect(results.filter((r) => r.ok)).toHaveLength(11);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'pending' });
    for (const r of results) if (r.ok) expect(PostSchema.parse(r.post)).toEqual(r.post);
  });

  it.each<[string, keyof Post, unknown]>([
    ['row-plain', 'postId', '1850000000000000001'],
    ['row-plain', 'key', 'x:1850000000000000001'],
    ['row-plain', 'url', 'https://x.com/jane_doe/status/1850000000000000001'],
    ['row-plain', 'authorHandle', 'jane_doe'],
    ['row-plain', 'authorName', 'Jane Doe'],
    ['row-plain', 'authorVerified', true],
    ['row-plain', 'authorProfileUrl', 'https://x.com/jane_doe'],
    ['row-plain', 'text', 'My @AcmeSupport order #4417 never arrived.\nStill waiting!'],
    ['row-plain', 'createdAt', Date.parse('2026-11-23T16:00:00.000Z')],
    ['row-plain', 'lang', 'en'],
    ['row-plain', 'seenAt', NOW],
    ['row-plain', 'counts', { replies: 12, reposts: 1200, likes: 3456 }],
    ['row-plain', 'isReply', false],
    ['row-plain', 'truncated', false],
    ['row-reply', 'isReply', true],
    ['row-reply', 'replyToHandles', ['acme', 'AcmeSupport']],
    ['row-reply', 'text', 'same here, no refund yet'],
    ['row-reply', 'authorVerified', false],
    ['row-reply', 'counts', { reposts: 0 }],
    ['row-quote', 'postId', '1850000000000000003'],
    ['row-quote', 'authorHandle', 'carol'],
    ['row-quote', 'text', 'this is exactly my experience with acme'],
    ['row-quote', 'quotedPostId', '1849999999999999999'],
    ['row-quote', 'authorVerified', false],
    ['row-quote', 'createdAt', Date.parse('2026-11-23T17:00:00.000Z')],
    ['row-quote', 'replyToHandles', []],
    ['row-quote', 'quotedAuthorHandle', 'acme'],
    ['row-quote', 'quotedText', 'We ship in 24 hours, guaranteed.'],
    ['row-quote-text', 'postId', '1850000000000000012'],
    ['row-quote-text', 'text', 'still waiting for these, three weeks now'],
    ['row-quote-text', 'quotedPostId', undefined],
    ['row-quote-text', 'quotedAuthorHandle', 'AcmeHelp'],
    ['row-quote-text', 'quotedText', 'Orders placed this week ship within 24 hours 📦'],
    ['row-quote-text', 'authorVerified', false],
    ['row-quote-text', 'createdAt', Date.parse('2026-11-23T17:20:00.000Z')],
    ['row-quote-text', 'counts', { replies: 1, reposts: 0, likes: 4 }],
    ['row-quote-text', 'threadOwner', undefined],
    ['row-quote-only', 'quotedAuthorHandle', 'acme'],
    ['row-quote-only', 'text', ''],
    ['row-quote-only', 'authorHandle', 'otto'],
    ['row-quote-only', 'authorVerified', false],
    ['row-quote-only', 'truncated', false],
    ['row-quote-only', 'isReply', false],
    ['row-quote-only', 'createdAt', Date.parse('2026-11-23T16:30:00.000Z')],
    ['row-quote-only', 'quotedPostId', '1849999999999999998'],
    ['row-quote-only', 'counts', {}],
    ['row-repost', 'repostedBy', 'dave_r'],
    ['row-repost', 'authorHandle', 'erin'],
    ['row-repost', 'authorName', 'Erin 🌻'],
    ['row-repost', 'counts', { replies: 1234, reposts: 2, likes: 15 }],
    ['row-emoji', 'text', 'box arrived crushed 😡📦 thanks @acme'],
    ['row-emoji', 'counts', { replies: 0, reposts: 0, likes: 1_500_000 }],
    ['row-link', 'text', 'read this about acme returns https://example.com/blog/acme-returns-policy-2026 and https://example.org/full'],
    ['row-showmore', 'truncated', true],
    ['row-showmore', 'text', 'Day 3 of trying to reach a human at acme. First the chat bot, then the phone line, then'],
    ['row-cardonly', 'text', ''],
    ['row-cardonly', 'postId', '1850000000000000008'],
    ['row-cardonly', 'counts', {}],
    ['row-badtime', 'createdAt', undefined],
    ['row-badtime', 'text', '<img src=x onerror=alert(1)> @acme hi'],
    ['row-badtime', 'counts', { replies: 1200, reposts: 12000, likes: 3_000_000 }],
  ])('%s → %s', (rowId, field, expected) => {
    expect(postIn(timeline, rowId)[field]).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['a plain name', 'Jane Doe', 'jane_doe'],
    ['a name quoting a longer handle', 'fan of @jane_doe_fans', 'jane_doe'],
    ['a name quoting another casing', '@JANE_DOE fan', 'jane_doe'],
    ['a name quoting the handle itself', 'the real @jane_doe', 'jane_doe'],
    ['a name with markup-like text', '<b>@jane</b>', 'jane_doe'],
  ])('reads the author handle from the author line whatever the display name holds: %s', (_, name, handle) => {
    const host = timeline.createElement('div');
    host.innerHTML = tweetArticle({ id: '1850000000000000099', handle, name, text: 'hi', createdAt: '2026-11-23T16:00:00.000Z' });
    const result = extractX(host, NOW);
    expect(result.ok && [result.post.authorHandle, result.post.authorName]).toEqual([handle, name]);
  });

  it('never reads t.co as the link text when the expanded URL is shown', () => {
    expect(postIn(timeline, 'row-link').text).not.toContain('t.co');
  });

  it('leaves hostile text inert (no element is created from post text)', () => {
    const row = byId(timeline, 'row-badtime');
    expect(row.querySelectorAll('[data-testid="tweetText"] img')).toHaveLength(0);
    expect(postIn(timeline, 'row-badtime').text).toContain('onerror');
  });

  it('returns any post text verbatim (modulo whitespace), markup-like text included', () => {
    const doc = loadFixture('x', 'timeline.html', 'https://x.com/home');
    const row = byId(doc, 'row-plain');
    const textEl = row.querySelector('[data-testid="tweetText"]');
    if (!textEl) throw new Error('fixture shape');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('<b>x</b>', '<img src=x onerror=alert(1)>', '&amp;')), (s) => {
        textEl.textContent = s;
        const result = xAdapter.extract(row, NOW);
        expect(result.ok && result.post.text).toBe(normaliseWhitespace(s));
        expect(textEl.children).toHaveLength(0);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the 2023 User-Names variant', () => {
    const doc = loadFixture('x', 'user-names-2023.html', 'https://x.com/home');
    const [el] = xAdapter.findPostElements(doc.body);
    const result = el ? xAdapter.extract(el, NOW) : undefined;
    expect(result?.ok && result.post).toMatchObject({
      postId: '1640000000000000001',
      authorHandle: 'old_timer',
      authorName: 'Old Timer',
      text: '@acme where is my parcel?',
      createdAt: Date.parse('2023-03-26T08:15:00.000Z'),
      counts: { replies: 2, reposts: 0, likes: 7 },
    });
  });

  it('finds nothing, and throws nothing, on the legacy page without test ids', () => {
    const doc = loadFixture('x', 'legacy-no-testid.html', 'https://mobile.twitter.com/oldbrand');
    expect(xAdapter.findPostElements(doc.body)).toEqual([]);
    expect(xAdapter.countCandidates(doc)).toBe(0);
    expect(xAdapter.readProfileStats(doc)).toEqual([]);
    expect(xAdapter.brandReply(doc.body, brandHandleSet(['oldbrand']), NOW)).toBeUndefined();
    expect(xAdapter.extract(doc.body, NOW)).toEqual({ ok: false, reason: 'notAPost' });
  });

  it('re-reads a recycled row: same element, new content, new post', () => {
    const doc = loadFixture('x', 'timeline.html', 'https://x.com/home');
    const row = byId(doc, 'row-plain');
    const before = xAdapter.extract(row, NOW);
    expect(before.ok && before.post.postId).toBe('1850000000000000001');
    // X swaps the row's children in place when the virtual list scrolls.
    const replacement = byId(doc, 'row-reply').firstElementChild;
    const holder = row.firstElementChild;
    if (!replacement || !holder) throw new Error('fixture shape');
    holder.replaceWith(replacement.cloneNode(true));
    const after = xAdapter.extract(row, NOW);
    expect(after.ok && after.post).toMatchObject({ postId: '1850000000000000002', authorHandle: 'bob_k' });
  });

  it('counts candidates structurally and anchors badges on the author line', () => {
    expect(xAdapter.countCandidates(timeline)).toBe(12);
    const article = xAdapter.findPostElements(byId(timeline, 'row-quote'))[0];
    const anchor = article ? xAdapter.authorLineAnchor(article) : null;
    expect(anchor?.getAttribute('data-testid')).toBe('User-Name');
    expect(anchor?.textContent).toContain('@carol');
  });

  it("finds X's own controls at the end of the author row: the caret's whole column, never the author line", () => {
    const host = timeline.createElement('div');
    host.innerHTML = tweetArticle({ id: '1850000000000000098', handle: 'jo', name: 'Jo', text: 'hi', createdAt: '2026-11-23T16:00:00.000Z' });
    const article = xAdapter.findPostElements(host)[0];
    const end = article ? xAdapter.authorLineEnd(article) : null;
    expect(end?.querySelector('[data-testid="caret"]')).not.toBeNull();
    expect(end?.querySelector('button[aria-label="Grok actions"]')).not.toBeNull();
    expect(end?.querySelector('[data-testid="User-Name"]')).toBeNull();
    // Markup without the caret (older snapshots, our fixture): nothing to keep clear.
    const plain = xAdapter.findPostElements(byId(timeline, 'row-quote'))[0];
    expect(plain && xAdapter.authorLineEnd(plain)).toBeNull();
  });

  it('closestPost finds the article around any inner node', () => {
    const text = byId(timeline, 'row-emoji').querySelector('[data-testid="tweetText"]');
    expect(text && xAdapter.closestPost(text)?.getAttribute('data-testid')).toBe('tweet');
    expect(xAdapter.closestPost(byId(timeline, 'row-emoji'))).toBeNull();
  });
});

describe('x adapter on a conversation page', () => {
  const doc = loadFixture('x', 'conversation.html', 'https://x.com/lena/status/1850000000000000100');

  it('marks posts below the focal post as replies to it and its author, up to "Discover more"', () => {
    const elements = xAdapter.findPostElements(doc.body);
    const ok = elements.map((el) => xAdapter.extract(el, NOW)).flatMap((r) => (r.ok ? [r.post] : []));
    expect(ok.map((p) => [p.postId, p.isReply, p.parentPostId, p.threadOwner])).toEqual([
      ['1850000000000000100', false, undefined, undefined],
      ['1850000000000000101', true, '1850000000000000100', 'lena'],
      ['1850000000000000102', true, '1850000000000000100', 'lena'],
      ['1850000000000000300', false, undefined, undefined],
    ]);
    // The scanner's cheap question agrees with the extraction.
    expect(elements.map((el) => xAdapter.threadOwner(el))).toEqual([undefined, 'lena', 'lena', undefined]);
    // …and is only asked on pages that show a thread.
    expect(['https://x.com/lena/status/1', 'https://x.com/i/status/1', 'https://x.com/i/web/status/1', 'https://x.com/home', 'https://x.com/lena', 'https://x.com/search?q=status', 'https://x.com/lena/status/1/photo/1', 'https://x.com/lena/status'].map((u) => xAdapter.mayHaveThreads(u))).toEqual([true, true, true, false, false, false, true, false]);
    expect(facebookAdapter.mayHaveThreads('https://www.facebook.com/')).toBe(true);
    expect(ok[0]?.text).toBe('@acme мой заказ так и не пришёл 😡');
  });

  it('a heading inside a post (a card title) does not end the thread', () => {
    const withCard = loadFixture('x', 'conversation.html', 'https://x.com/lena/status/1850000000000000100');
    byId(withCard, 'brand-reply').insertAdjacentHTML('beforeend', '<div data-testid="card.wrapper"><h2 role="heading">Order tracking</h2></div>');
    expect(xAdapter.threadOwner(byId(withCard, 'other-reply'))).toBe('lena');
    expect(xAdapter.threadOwner(byId(withCard, 'discover'))).toBeUndefined();
  });

  it('names the thread owner from the focal permalink, whatever handle the URL carries', () => {
    const viaWeb = loadFixture('x', 'conversation.html', 'https://x.com/i/web/status/1850000000000000100');
    const replies = xAdapter.findPostElements(viaWeb.body).slice(1, 3);
    expect(replies.map((el) => xAdapter.threadOwner(el))).toEqual(['lena', 'lena']);
  });

  it('finds the brand reply already in the thread, answering the focal post (handles are case-insensitive)', () => {
    const answered = (url: string, handles: string[]) =>
      xAdapter.findPostElements(doc.body).flatMap((el) => xAdapter.answeredBy(el, url, brandHandleSet(handles), NOW));
    const conversation = 'https://x.com/lena/status/1850000000000000100';
    expect(answered(conversation, ['@acmesupport'])).toEqual([
      { key: 'x:1850000000000000100', replies: [{ handle: 'AcmeSupport', postId: '1850000000000000101', createdAt: Date.parse('2026-11-23T09:40:00.000Z') }] },
    ]);
    expect(answered(conversation, ['nobody'])).toEqual([]);
    // Off a conversation page a reply answers no post the page can name.
    expect(answered('https://x.com/search?q=acme', ['acmesupport'])).toEqual([]);
  });

  it('locates the inline Draft.js editor and its send button', async () => {
    const focal = byId(doc, 'focal');
    const editor = xEditor.replyBoxFor(focal);
    expect(editor?.getAttribute('data-testid')).toBe('tweetTextarea_0');
    expect(await xEditor.openReplyBox(focal)).toBe(editor);
    expect(editor && xEditor.postButtonFor(editor)?.getAttribute('data-testid')).toBe('tweetButtonInline');
  });

  it('clicks Reply and waits for the modal editor when none is open', async () => {
    const timelineDoc = loadFixture('x', 'timeline.html', 'https://x.com/home');
    const article = xAdapter.findPostElements(byId(timelineDoc, 'row-plain'))[0];
    if (!article) throw new Error('fixture shape');
    expect(xEditor.replyBoxFor(article)).toBeNull();
    const reply = article.querySelector('[data-testid="reply"]');
    reply?.addEventListener('click', () => {
      timelineDoc.body.insertAdjacentHTML(
        'beforeend',
        '<div role="dialog"><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div><button data-testid="tweetButton"></button></div>',
      );
    });
    const editor = await xEditor.openReplyBox(article, { timeoutMs: 1000 });
    expect(editor?.closest('[role="dialog"]')).not.toBeNull();
    expect(editor && xEditor.postButtonFor(editor)?.getAttribute('data-testid')).toBe('tweetButton');
  });
});

describe('x profile stats', () => {
  const doc = loadFixture('x', 'profile.html', 'https://x.com/acme');
  it.each<[string, (d: Document) => Element | null, boolean]>([
    ['the header follower link', (d) => d.querySelector('a[href$="/verified_followers"]'), true],
    ['a span inside the hover card', (d) => d.querySelector('[data-testid="HoverCard"] span'), true],
    ['the layer holding the hover card', (d) => d.getElementById('layers'), true],
    ['a timeline article', () => timeline.querySelector('article[data-testid="tweet"]'), false],
    ['a timeline row holding an article', () => timeline.querySelector('[data-testid="cellInnerDiv"]'), false],
  ])('mayHoldProfileStats: %s → %s', (_, pick, expected) => {
    const el = pick(doc);
    if (!el) throw new Error('fixture element missing');
    expect(xAdapter.mayHoldProfileStats(el)).toBe(expected);
  });

  it.each<[string, (d: Document) => Element | null, boolean]>([
    ['the timeline row list', () => timeline.querySelector('[data-testid="cellInnerDiv"]')?.parentElement ?? null, true],
    ['a timeline row', () => timeline.querySelector('[data-testid="cellInnerDiv"]'), false],
    ['the layer holding the hover card', (d) => d.getElementById('layers'), false],
    ['the page body', (d) => d.body, false],
  ])('holdsOnlyRows: %s → %s', (_, pick, expected) => {
    const el = pick(doc);
    if (!el) throw new Error('fixture element missing');
    expect(xAdapter.holdsOnlyRows(el)).toBe(expected);
    // Whatever it says of a row list holds for each of its rows.
    if (expected) for (const row of el.children) expect(xAdapter.mayHoldProfileStats(row)).toBe(false);
  });

  it('reads the header and the hover card', () => {
    // Not parsed on the page: valid by construction, as the background parses them.
    for (const stat of xAdapter.readProfileStats(doc)) expect(ProfileStatSchema.parse(stat)).toEqual(stat);
    expect(xAdapter.readProfileStats(doc)).toEqual([
      { handle: 'acme', followers: 12_300, verified: true },
      { handle: 'jane_doe', followers: 1234, verified: false },
    ]);
  });
});

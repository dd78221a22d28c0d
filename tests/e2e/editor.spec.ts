/**
 * "Reply natively" end to end, in real Chromium with the built extension, against fixture sites
 * running the REAL editor frameworks (Draft.js on React 18 for X, Lexical for Facebook; bundled by
 * scripts/build-editor-fixtures.ts). The reply is inserted by the content script — an isolated
 * world — so every `__draftText()` / `__lexicalText()` check below also proves that its events
 * reached the page's own React/Lexical listeners: those hooks read the editors' STATE, not the DOM.
 */
import type { Page } from '@playwright/test';
import { test, expect, type ExtensionFixtures } from './support/extension';
import { createBrand } from './support/panel';
import { makeTweets, xPage, type FakeTweet } from './support/xPage';
import { fbPage, type FakeFbPost } from './support/fbPage';
import { buildEditorFixtures, type EditorFixtureBundles } from '../../scripts/build-editor-fixtures';
import { businessMsBetween } from '../../lib/time/businessHours';
import { QueueItemSchema } from '../../lib/schemas/queue';
import { ReplyLogEntrySchema } from '../../lib/schemas/replies';
import { BrandProfileSchema } from '../../lib/schemas/settings';

declare global {
  interface Window {
    __draftText?: () => string;
    __lexicalText?: () => string;
    __lexicalTextIn?: (selector: string) => string | undefined;
  }
}

let bundles: EditorFixtureBundles;
test.beforeAll(async () => {
  bundles = await buildEditorFixtures();
});

const REPLY = 'Hi Customer 👋 so sorry about the wait!\n\nМы уже проверяем ваш заказ №10419.\n\n我们正在处理您的订单 🙏\n— Acme Support';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Reads an object store from an extension page, read-only (the background is the only writer). */
function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('replyline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

async function replyLog(panel: Page) {
  return (await readStore(panel, 'replyLog')).map((e) => ReplyLogEntrySchema.parse(e));
}

async function queueItem(panel: Page, key: string) {
  const items = (await readStore(panel, 'queue')).map((q) => QueueItemSchema.parse(q));
  return items.find((q) => q.key === key);
}

/** The agent's path: open the item in the panel, type the reply, press the insert button. */
async function insertFromPanel(panel: Page, key: string, text: string): Promise<void> {
  await panel.locator(`[data-queue-key="${key}"]`).click();
  await panel.getByLabel('Reply text').fill(text);
  await panel.getByRole('button', { name: "Put it in the site's reply box" }).click();
}

async function conversationPage(sitePages: Map<string, string>, tweet: FakeTweet, script: string): Promise<string> {
  const path = `/${tweet.handle}/status/${tweet.id}`;
  sitePages.set(path, xPage([tweet], script));
  return `https://x.com${path}`;
}

function customerTweet(text: string): FakeTweet {
  const [tweet] = makeTweets(1, () => text, 1870000000000000000n + BigInt(Math.floor(Math.random() * 1e6)));
  if (!tweet) throw new Error('no tweet');
  return tweet;
}

/**
 * A brand, and an X conversation page (real Draft.js reply box) whose post mentions it, ranked by
 * Replyline. Dialogs are recorded: a hostile reply must never run script.
 */
async function xConversationWithMention(
  { context, sitePages, openPanel }: Pick<ExtensionFixtures, 'context' | 'sitePages' | 'openPanel'>,
  text: string,
) {
  const tweet = customerTweet(text);
  const key = `x:${tweet.id}`;
  const url = await conversationPage(sitePages, tweet, bundles.xDraft);
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' });
  const site = await context.newPage();
  const dialogs: string[] = [];
  site.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await site.goto(url);
  await expect(site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);
  return { tweet, key, panel, site, dialogs };
}

test('X: a multilingual multi-paragraph reply lands in Draft.js state, sends once and is logged with FRT', async ({ context, sitePages, openPanel }) => {
  const { tweet, key, panel, site, dialogs } = await xConversationWithMention({ context, sitePages, openPanel }, 'Hey @acme my order never arrived, still waiting!');

  await insertFromPanel(panel, key, REPLY);
  const status = panel.getByRole('status');
  await expect(status).toHaveAttribute('data-insert-result', 'ok');
  await expect(status).toHaveAttribute('data-insert-strategy', 'paste');
  await expect(status).toContainText("The reply is in the site's reply box");

  // Draft.js's own EditorState holds the text, paragraphs and blank lines included.
  expect(await site.evaluate(() => window.__draftText?.())).toBe(REPLY);
  const postButton = site.getByTestId('tweetButtonInline');
  await expect(postButton).toBeEnabled();
  expect(await replyLog(panel)).toHaveLength(0); // inserting is not sending

  // The agent edits in the site's editor before sending: the log must keep what was SENT.
  await site.getByTestId('tweetTextarea_0').click();
  await site.keyboard.press('Control+End');
  await site.keyboard.type(' Thanks!');
  const sent = `${REPLY} Thanks!`;
  await expect.poll(() => site.evaluate(() => window.__draftText?.())).toBe(sent);

  // The agent presses the site's own button (Replyline never does).
  const before = Date.now();
  await postButton.click();
  const after = Date.now();
  await expect(site.getByTestId('toast')).toContainText('Your post was sent');

  // No waiting for a second report: the log keys an entry by its insertion, so a repeat writes
  // nothing (tests/unit/replylog), and sent detection reports once (tests/unit/editor/sent.test.ts).
  await expect.poll(async () => (await replyLog(panel)).length).toBe(1);
  const entries = await replyLog(panel);
  expect(entries).toHaveLength(1);
  const entry = entries[0]!;
  const brand = BrandProfileSchema.parse((await readStore(panel, 'brands'))[0]);
  const postCreatedAt = Date.parse(tweet.createdAt);
  expect(entry).toMatchObject({ postKey: key, site: 'x', brandId: brand.id, agent: 'agent', text: sent, postCreatedAt, outcome: 'replied' });
  expect(entry.replyUrl).toMatch(/^https:\/\/x\.com\/AcmeHelp\/status\/\d+$/);
  expect(entry.repliedAt).toBeGreaterThanOrEqual(before - 50);
  expect(entry.repliedAt).toBeLessThanOrEqual(after + 5000);
  expect(entry.frtWallMs).toBe(entry.repliedAt - postCreatedAt);
  expect(entry.frtBusinessMs).toBe(businessMsBetween(postCreatedAt, entry.repliedAt, brand.businessHours));
  expect(entry.slaMet).toBe(entry.frtBusinessMs <= brand.firstResponseTargetMinutes * 60_000);
  expect(entry.firstSeenAt).toBeGreaterThanOrEqual(before - 120_000);

  const item = await queueItem(panel, key);
  expect(item?.state).toBe('replied');
  expect(item?.repliedAt).toBe(entry.repliedAt);
  // The brand's reply now shows in the thread: the item remembers who answered ("already answered").
  await expect.poll(async () => (await queueItem(panel, key))?.answeredBy?.handle).toBe('AcmeHelp');
  expect(dialogs).toEqual([]);
});

test('X timeline: Reply opens the modal, the reply lands in its Draft.js editor and is logged once sent', async ({ context, sitePages, openPanel }) => {
  const tweets = makeTweets(3, (i) => (i === 1 ? '@acme the app logs me out every hour' : `weekend plans ${i}`), 1872000000000000000n);
  sitePages.set('/home', xPage(tweets, bundles.xDraft));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' });
  const site = await context.newPage();
  await site.goto('https://x.com/home');
  const key = `x:${tweets[1]?.id}`;
  await expect(site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);

  // No reply box on a timeline: Replyline presses the post's own Reply button, X opens its modal.
  await insertFromPanel(panel, key, REPLY);
  await expect(panel.getByRole('status')).toHaveAttribute('data-insert-result', 'ok');
  const dialog = site.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(site).toHaveURL(/\/compose\/post$/);
  expect(await site.evaluate(() => window.__draftText?.())).toBe(REPLY);
  expect(await replyLog(panel)).toHaveLength(0);

  // Opening the modal changed the URL: that is not leaving the post, so sending is still seen.
  await dialog.getByTestId('tweetButton').click();
  await expect(dialog).toHaveCount(0);
  await expect(site).toHaveURL(/\/home$/);
  await expect.poll(async () => (await replyLog(panel)).map((e) => [e.postKey, e.text])).toEqual([[key, REPLY]]);
  expect((await queueItem(panel, key))?.state).toBe('replied');
  // The site sent exactly one post.
  expect(await site.evaluate(() => window.__sentCount)).toBe(1);
});

test('X: a hostile reply is inserted and sent as literal text', async ({ context, sitePages, openPanel }) => {
  const { key, panel, site, dialogs } = await xConversationWithMention({ context, sitePages, openPanel }, '@acme why does your site show raw HTML?');

  await insertFromPanel(panel, key, HOSTILE);
  await expect(panel.getByRole('status')).toHaveAttribute('data-insert-result', 'ok');
  expect(await site.evaluate(() => window.__draftText?.())).toBe(HOSTILE);
  await expect(site.getByTestId('tweetTextarea_0').locator('img')).toHaveCount(0);
  await site.getByTestId('tweetButtonInline').click();
  await expect.poll(async () => (await replyLog(panel)).map((e) => e.text)).toEqual([HOSTILE]);
  await expect(site.locator('article').filter({ hasText: HOSTILE })).toHaveCount(1);
  await expect(site.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('Facebook: the reply lands in Lexical state, the comment posts once and is logged', async ({ context, sitePages, openPanel }) => {
  const post: FakeFbPost = {
    id: '5550001234',
    page: 'maria.petrova.77',
    author: 'Maria Petrova',
    text: 'Acme, my parcel never arrived and nobody answers. Order 10419.',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    comments: [],
  };
  sitePages.set('/', fbPage([post]).replace('</body>', () => `<script>${bundles.fbLexical}</script></body>`));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });
  const site = await context.newPage();
  await site.goto('https://www.facebook.com/');
  const marked = site.locator('[data-replyline-priority]').first();
  await expect(marked).toHaveAttribute('data-replyline-post', /^facebook:/);
  const key = (await marked.getAttribute('data-replyline-post')) ?? '';
  await expect(site.locator('[data-lexical-editor="true"]')).toHaveCount(1);

  await insertFromPanel(panel, key, REPLY);
  await expect(panel.getByRole('status')).toHaveAttribute('data-insert-result', 'ok');
  expect(await site.evaluate(() => window.__lexicalText?.())).toBe(REPLY);
  const submit = site.locator('form button[type="submit"]');
  await expect(submit).toBeEnabled();

  await submit.click();
  await expect(site.locator('li [role="article"]')).toHaveCount(1);
  await expect.poll(async () => (await replyLog(panel)).length).toBe(1);
  const entries = await replyLog(panel);
  expect(entries).toHaveLength(1);
  const entry = entries[0]!;
  const item = await queueItem(panel, key);
  expect(entry).toMatchObject({ postKey: key, site: 'facebook', text: REPLY });
  expect(entry.replyUrl).toMatch(/^https:\/\/www\.facebook\.com\/.*comment_id=\d+/);
  expect(entry.postCreatedAt).toBe(item?.postCreatedAt);
  expect(entry.frtWallMs).toBe(entry.repliedAt - entry.postCreatedAt);
  expect(item?.state).toBe('replied');
});

test("Facebook: a reply to a comment goes into that comment's own Reply box and is logged as a reply in its thread", async ({ context, sitePages, openPanel }) => {
  const commentId = '7770001111';
  const post: FakeFbPost = {
    id: '5550009876',
    page: 'acme',
    author: 'Acme',
    text: 'Our winter menu is out!',
    createdAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
    comments: [{ id: commentId, author: 'Maria Petrova', profile: 'maria.petrova.77', text: 'Acme, my parcel never arrived. Order 10419.' }],
  };
  sitePages.set('/', fbPage([post]).replace('</body>', () => `<script>${bundles.fbLexical}</script></body>`));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });
  const site = await context.newPage();
  await site.goto('https://www.facebook.com/');
  const key = `facebook:${commentId}`;
  await expect(site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);

  await insertFromPanel(panel, key, REPLY);
  await expect(panel.getByRole('status')).toHaveAttribute('data-insert-result', 'ok');
  // In the comment's thread (Facebook notifies Maria), the post's own box untouched.
  expect(await site.evaluate(() => window.__lexicalTextIn?.('[aria-label="Reply to Maria Petrova"]'))).toBe(REPLY);
  expect(await site.evaluate(() => window.__lexicalTextIn?.('[aria-label="Write a comment…"]'))).toBe('');

  await site.locator('li form button[type="submit"]').click();
  const posted = site.locator('[role="article"][aria-label^="Reply by Acme to Maria Petrova"]');
  await expect(posted).toHaveCount(1);
  const link = (await posted.locator(`a[href*="comment_id=${commentId}&reply_comment_id="]`).getAttribute('href')) ?? '';
  const replyId = /reply_comment_id=(\d+)/.exec(link)?.[1] ?? 'missing';
  await expect.poll(async () => (await replyLog(panel)).length).toBe(1);
  const [entry] = await replyLog(panel);
  expect(entry).toMatchObject({ postKey: key, site: 'facebook', text: REPLY });
  // The logged reply is the one posted in Maria's thread.
  expect(entry?.replyUrl).toMatch(new RegExp(`comment_id=${replyId}$`));
  expect((await queueItem(panel, key))?.state).toBe('replied');
  // Facebook lists the reply beside Maria's comment, not inside it: its permalink says whom it answers.
  await expect.poll(async () => (await queueItem(panel, key))?.answeredBy).toMatchObject({ handle: 'acme', postId: replyId });
});

test('no reply box on the page: the reply goes to the clipboard and the agent is told to paste', async ({ context, sitePages, openPanel }) => {
  const tweet = customerTweet('@acme is anyone there?');
  const key = `x:${tweet.id}`;
  // No site script: the Reply button opens nothing.
  const url = await conversationPage(sitePages, tweet, '');
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' });
  const site = await context.newPage();
  await site.goto(url);
  await expect(site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);

  await insertFromPanel(panel, key, REPLY);
  const status = panel.getByRole('status');
  await expect(status).toHaveAttribute('data-insert-result', 'noEditor');
  await expect(status).toHaveAttribute('data-insert-fallback', 'clipboard');
  await expect(status).toContainText(/no reply box was found/);
  expect(await replyLog(panel)).toHaveLength(0);
  expect((await queueItem(panel, key))?.state).toBe('new');
});

test('fixture fidelity: the naive ways (execCommand insertText / insertHTML) break the Draft.js fixture as they break X', async ({ context, sitePages }) => {
  // Without this, a passing insertion test could mean the fixture is simply forgiving.
  const tweet = customerTweet('just a post');
  const url = await conversationPage(sitePages, tweet, bundles.xDraft);
  for (const command of ['insertText', 'insertHTML'] as const) {
    const site = await context.newPage();
    const errors: string[] = [];
    site.on('pageerror', (e) => errors.push(e.message));
    await site.goto(url);
    await site.getByTestId('reply').click();
    await site.getByTestId('tweetTextarea_0').focus();
    await expect(site.getByTestId('tweetTextarea_0')).toBeFocused();
    // The fixture's state reader must exist: `undefined` would pass the "not the text" check below.
    await expect.poll(() => site.evaluate(() => typeof window.__draftText)).toBe('function');
    const state = await site.evaluate(async (cmd) => {
      const text = 'Line one\n\nLine three';
      document.execCommand(cmd, false, cmd === 'insertHTML' ? text.replace(/\n/g, '<br>') : text);
      // Draft.js handles the input and React commits before the second frame after it.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return window.__draftText?.();
    }, command);
    // Seen with draft-js 0.11.7 + React 18.3: the text is lost and React throws "removeChild".
    expect(typeof state, 'the fixture reports its state').toBe('string');
    expect(state, `${command}; page errors: ${errors.join(' | ')}`).not.toBe('Line one\n\nLine three');
    await site.close();
  }
});

test('Facebook: a post shown under a new pfbid after a reload stays one queue item, and the reply finds it', async ({ context, sitePages, openPanel }) => {
  // Facebook's pfbid permalinks change between page loads: the same visitor post, twice.
  const post = (id: string): FakeFbPost => ({
    id,
    page: 'maria.petrova.77',
    author: 'Maria Petrova',
    text: 'Acme, my parcel never arrived and nobody answers. Order 10419.',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    comments: [],
  });
  const first = 'facebook:pfbid0Mp7FirstLoadToken11';
  const second = 'facebook:pfbid0Mp7SecondLoadToken2';
  const withEditor = (p: FakeFbPost) => fbPage([p]).replace('</body>', () => `<script>${bundles.fbLexical}</script></body>`);
  sitePages.set('/', withEditor(post(first.slice('facebook:'.length))));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });
  const site = await context.newPage();
  await site.goto('https://www.facebook.com/');
  await expect(site.locator(`[data-replyline-post="${first}"]`)).toHaveAttribute('data-replyline-priority', /^\d{1,3}$/);
  await expect(panel.locator(`[data-queue-key="${first}"]`)).toBeVisible();

  sitePages.set('/', withEditor(post(second.slice('facebook:'.length))));
  await site.reload();
  // The page marks the key it shows and ranks the post; the queue keeps the one item it had.
  // The mark is the verdict, answered only after the sighting is written: no waiting.
  await expect(site.locator(`[data-replyline-post="${second}"]`)).toHaveAttribute('data-replyline-priority', /^\d{1,3}$/);
  expect((await readStore(panel, 'queue')).length).toBe(1);
  await expect(panel.locator(`[data-queue-key="${second}"]`)).toHaveCount(0);

  await insertFromPanel(panel, first, REPLY);
  await expect(panel.getByRole('status')).toHaveAttribute('data-insert-result', 'ok');
  expect(await site.evaluate(() => window.__lexicalText?.())).toBe(REPLY);
});
